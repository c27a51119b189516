using StampSim.Tensors;

namespace StampSim.Models.Ops;

/// <summary>LayerNorm: <c>(x - mean) / sqrt(var + eps) * w + b</c> per row (biased variance), evaluated in float64.</summary>
public static class LayerNorm
{
    /// <summary>A new matrix with rows <paramref name="firstRow"/>.. (<paramref name="rows"/> of them) of <paramref name="x"/> normalised.</summary>
    public static Matrix<float> Apply(Matrix<float> x, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, double eps, int firstRow = 0, int? rows = null)
    {
        int count = rows ?? x.Rows - firstRow;
        var y = new Matrix<float>(count, x.Cols);
        for (int r = 0; r < count; r++)
        {
            ReadOnlySpan<float> row = x.Row(firstRow + r);
            Span<float> output = y.Row(r);
            double mean = 0;
            foreach (float v in row) mean += v;
            mean /= row.Length;
            double variance = 0;
            foreach (float v in row) variance += (v - mean) * (v - mean);
            variance /= row.Length;
            double inv = 1.0 / Math.Sqrt(variance + eps);
            for (int j = 0; j < row.Length; j++) output[j] = (float)((row[j] - mean) * inv * weight[j] + bias[j]);
        }
        return y;
    }
}
