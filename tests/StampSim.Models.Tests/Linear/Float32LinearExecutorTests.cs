using StampSim.Models.Linear;
using StampSim.Numerics;
using StampSim.Tensors;

namespace StampSim.Tests.Linear;

public sealed class Float32LinearExecutorTests
{
    private static Matrix<float> Random(int rows, int cols, int seed)
    {
        var rng = new Random(seed);
        var m = new Matrix<float>(rows, cols);
        for (int i = 0; i < m.Data.Length; i++) m.Data[i] = (float)(rng.NextDouble() * 4 - 2);
        return m;
    }

    /// <summary>The textbook loop in float64, independent of the executor's vectorized kernel.</summary>
    private static double[,] Naive(Matrix<float> x, Matrix<float> w, float[]? bias)
    {
        var y = new double[x.Rows, w.Rows];
        for (int i = 0; i < x.Rows; i++)
        for (int j = 0; j < w.Rows; j++)
        {
            double acc = bias?[j] ?? 0;
            for (int k = 0; k < x.Cols; k++) acc += (double)x[i, k] * w[j, k];
            y[i, j] = acc;
        }
        return y;
    }

    [Theory]
    [InlineData(7, 37, 13, true)]
    [InlineData(64, 256, 300, false)]
    [InlineData(1, 192, 200, true)]
    public void Matches_a_naive_float64_computation_rounded_once(int s, int d, int n, bool withBias)
    {
        var x = Random(s, d, 1);
        var w = Random(n, d, 2);
        float[]? bias = withBias ? Random(1, n, 3).Data : null;
        var expected = Naive(x, w, bias);
        var y = new Float32LinearExecutor().Linear(new LinearCall("test", LinearKind.MlpFc1, 0, x, w, bias));
        for (int i = 0; i < s; i++)
        for (int j = 0; j < n; j++)
        {
            // Summation order differs from the naive loop only below float64 precision: at most the
            // final rounding to float32 can land one ulp apart.
            float rounded = (float)expected[i, j];
            Assert.True(y[i, j] == rounded || Math.Abs(y[i, j] - rounded) <= float.Epsilon + Math.Abs(MathF.BitIncrement(rounded) - rounded),
                $"({i}, {j}): {y[i, j]} vs {expected[i, j]}");
        }
    }

    [Fact]
    public void The_thread_count_does_not_change_the_result()
    {
        var x = Random(50, 128, 4);
        var w = Random(700, 128, 5);
        var one = Float32LinearExecutor.Multiply(x, w, null, new ExecutionOptions(MaxThreads: 1));
        var all = Float32LinearExecutor.Multiply(x, w, null, new ExecutionOptions(MaxThreads: 4));
        Assert.Equal(one.Data, all.Data);
    }
}
