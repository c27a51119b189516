using StampSim.Traces.Synthetic;

namespace StampSim.Tests.Traces.Synthetic;

public class RandomStreamTests
{
    [Fact]
    public void Streams_are_reproducible_and_differ_by_path()
    {
        ulong First(ulong seed, params ulong[] path) => new Xoshiro256(seed, path).Next();
        Assert.Equal(First(1, 2, 3), First(1, 2, 3));
        var distinct = new[] { First(1), First(2), First(1, 0), First(1, 1), First(1, 0, 1), First(1, 1, 0) };
        Assert.Equal(distinct.Length, distinct.Distinct().Count());
    }

    [Fact]
    public void Below_is_uniform()
    {
        var r = new Xoshiro256(3);
        var counts = new int[7];
        const int n = 70_000;
        for (int i = 0; i < n; i++) counts[r.Below(7)]++;
        // Each count is Binomial(n, 1/7): standard deviation about 93.
        Assert.All(counts, c => Assert.InRange(c, n / 7 - 500, n / 7 + 500));
    }

    [Fact]
    public void Normal_deviates_have_the_standard_moments()
    {
        var normal = new NormalSampler(new Xoshiro256(4));
        const int n = 400_000;
        double m1 = 0, m2 = 0, m4 = 0;
        for (int i = 0; i < n; i++)
        {
            double z = normal.Next();
            m1 += z;
            m2 += z * z;
            m4 += z * z * z * z;
        }
        m1 /= n;
        m2 /= n;
        m4 /= n;
        Assert.InRange(m1, -0.01, 0.01);
        Assert.InRange(m2, 0.99, 1.01);
        Assert.InRange(m4, 2.95, 3.05);
    }
}
