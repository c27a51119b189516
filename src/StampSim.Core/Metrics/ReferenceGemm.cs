using System.Runtime.Intrinsics;
using StampSim.Pipeline;
using StampSim.Tensors;

namespace StampSim.Metrics;

/// <summary>
/// The float64 reference <c>Yref = X W^T + b</c> from the original float32 inputs, streamed tile by
/// tile into a consumer so the full float64 output never needs to exist. Every dot product is
/// summed in the same fixed order (four interleaved partial sums over the reduction index, then
/// combined pairwise), whatever the thread count or instruction set.
/// </summary>
public static class ReferenceGemm
{
    private const int TileRows = 32;

    /// <summary>Calls <paramref name="consume"/> with each block of rows [i0, i0+rows) of Yref (rows x n, float64).</summary>
    public static void ForEachRowBlock(Matrix<float> x, Matrix<float> w, float[]? bias, ExecutionOptions options,
        Action<int, int, double[]> consume)
    {
        int s = x.Rows, d = x.Cols, n = w.Rows;
        var wd = new double[(long)n * d];
        Parallel.For(0, n, options.Parallel, r =>
        {
            var src = w.Row(r);
            var dst = wd.AsSpan(r * d, d);
            for (int j = 0; j < d; j++) dst[j] = src[j];
        });
        int blocks = (s + TileRows - 1) / TileRows;
        Parallel.For(0, blocks, options.Parallel, b =>
        {
            int i0 = b * TileRows, rows = Math.Min(TileRows, s - i0);
            var xd = new double[rows * d];
            for (int r = 0; r < rows; r++)
            {
                var src = x.Row(i0 + r);
                for (int j = 0; j < d; j++) xd[r * d + j] = src[j];
            }
            var y = new double[rows * n];
            for (int r = 0; r < rows; r++)
            {
                var xr = xd.AsSpan(r * d, d);
                for (int c = 0; c < n; c++)
                    y[r * n + c] = Dot(xr, wd.AsSpan(c * d, d)) + (bias is null ? 0.0 : bias[c]);
            }
            consume(i0, rows, y);
        });
    }

    /// <summary>
    /// Fixed-order dot product: lane k of a 4-lane accumulator sums indices ≡ k (mod 4) in ascending
    /// order, then <c>(l0 + l1) + (l2 + l3)</c>, then the tail. Products of float32 values are exact
    /// in float64, so fused and separate multiply-add agree.
    /// </summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int i = 0;
        var acc = Vector256<double>.Zero;
        for (; i + 4 <= a.Length; i += 4)
            acc += Vector256.Create(a.Slice(i, 4)) * Vector256.Create(b.Slice(i, 4));
        double sum = (acc[0] + acc[1]) + (acc[2] + acc[3]);
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
