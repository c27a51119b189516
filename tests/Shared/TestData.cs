using StampSim.Tensors;

namespace StampSim.Tests.Support;

/// <summary>Deterministic random test inputs shaped like transformer activations.</summary>
internal static class TestData
{
    /// <summary>Directory of fixtures copied next to the test assembly.</summary>
    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    /// <summary>AR(1)-correlated activations along the sequence with a few large outlier channels.</summary>
    public static Matrix<float> Activations(int s, int d, int seed, double rho = 0.9, int outliers = 2, float outlierScale = 20f)
    {
        var rng = new Random(seed);
        var m = new Matrix<float>(s, d);
        var prev = new double[d];
        for (int i = 0; i < s; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double e = Gaussian(rng);
                prev[j] = i == 0 ? e : rho * prev[j] + Math.Sqrt(1 - rho * rho) * e;
                m[i, j] = (float)(j < outliers ? prev[j] * outlierScale : prev[j]);
            }
        }
        return m;
    }

    /// <summary>Gaussian weights with standard deviation <paramref name="scale"/>.</summary>
    public static Matrix<float> Weights(int n, int d, int seed, double scale = 0.05)
    {
        var rng = new Random(seed);
        var m = new Matrix<float>(n, d);
        for (int k = 0; k < m.Data.Length; k++) m.Data[k] = (float)(Gaussian(rng) * scale);
        return m;
    }

    /// <summary>Gaussian vector.</summary>
    public static float[] Vector(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)Gaussian(rng)).ToArray();
    }

    private static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Asserts two float arrays are identical bit for bit, naming the first difference.</summary>
    public static void AssertBitsEqual(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{what}: first mismatch at flat index {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    /// <summary>Largest distance in units in the last place between two float arrays.</summary>
    public static long MaxUlp(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        long max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            long ia = Ordered(a[i]), ib = Ordered(b[i]);
            max = Math.Max(max, Math.Abs(ia - ib));
        }
        return max;
    }

    private static long Ordered(float f)
    {
        int bits = BitConverter.SingleToInt32Bits(f);
        return bits < 0 ? int.MinValue - (long)bits : bits;
    }
}
