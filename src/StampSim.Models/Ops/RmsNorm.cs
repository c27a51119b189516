using StampSim.Tensors;

namespace StampSim.Models.Ops;

/// <summary>RMSNorm as in LLaMA: <c>w * x / sqrt(mean(x^2) + eps)</c>, per row, evaluated in float64.</summary>
public static class RmsNorm
{
    /// <summary>A new matrix with every row of <paramref name="x"/> normalised and scaled by <paramref name="weight"/>.</summary>
    public static Matrix<float> Apply(Matrix<float> x, ReadOnlySpan<float> weight, double eps)
    {
        var y = new Matrix<float>(x.Rows, x.Cols);
        for (int i = 0; i < x.Rows; i++)
        {
            ReadOnlySpan<float> row = x.Row(i);
            Span<float> output = y.Row(i);
            double ss = 0;
            foreach (float v in row) ss += (double)v * v;
            double scale = 1.0 / Math.Sqrt(ss / row.Length + eps);
            for (int j = 0; j < row.Length; j++) output[j] = (float)(weight[j] * (scale * row[j]));
        }
        return y;
    }
}
