using StampSim.Metrics;
using StampSim.Numerics;
using StampSim.Tensors;

namespace StampSim.Tests.Metrics;

public class ReferenceGemmTests
{
    // Shapes straddle every blocking edge: tile rows (512), tile columns (512), micro-block (8 x 16),
    // depth block (512) and the 8 x 8 packing transposes (full and partial row panels, depth tails).
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(7, 5, 15)]
    [InlineData(70, 300, 260)]
    [InlineData(129, 513, 33)]
    [InlineData(520, 141, 530)]
    [InlineData(16, 264, 24)]
    public void Reference_is_the_sequential_float64_sum_for_any_thread_count(int s, int d, int n)
    {
        var rng = new Random(s * 1000 + d * 10 + n);
        var x = new Matrix<float>(s, d);
        var w = new Matrix<float>(n, d);
        for (int k = 0; k < x.Data.Length; k++) x.Data[k] = (float)(rng.NextDouble() * 2 - 1) * (k % 7 == 0 ? 100f : 1f);
        for (int k = 0; k < w.Data.Length; k++) w.Data[k] = (float)(rng.NextDouble() * 2 - 1);
        var bias = new float[n];
        for (int k = 0; k < n; k++) bias[k] = (float)rng.NextDouble();

        var expected = new double[s * n];
        for (int i = 0; i < s; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < d; k++) sum += (double)x[i, k] * w[j, k];
                expected[i * n + j] = sum + bias[j];
            }

        foreach (int threads in new[] { 1, 2, 3, 8 })
        {
            var actual = new double[s * n];
            ReferenceGemm.ForEachTile(x, w, bias, new ExecutionOptions(threads), (i0, rows, n0, cols, tile) =>
            {
                for (int r = 0; r < rows; r++)
                    tile.Slice(r * cols, cols).CopyTo(actual.AsSpan((i0 + r) * n + n0, cols));
            });
            Assert.Equal(expected, actual);
        }
    }
}
