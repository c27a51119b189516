using StampSim.Numerics;
using StampSim.Tests.Support;
using StampSim.Transforms;

namespace StampSim.Tests.Transforms;

public class HaarTransformTests
{
    private const float C = 0.70710677f;

    [Fact]
    public void One_level_on_a_pair_is_the_scaled_sum_and_difference()
    {
        float[] v = [1f, 3f];
        new HaarTransform(2, 1, ExecutionOptions.Default).Forward(v, 1);
        Assert.Equal((1f + 3f) * C, v[0]);
        Assert.Equal((1f - 3f) * C, v[1]);
    }

    [Fact]
    public void Odd_length_carries_the_last_sample_into_the_approximation()
    {
        // s = 5, one level: a = [(x0+x1)c, (x2+x3)c, x4], e = [(x0-x1)c, (x2-x3)c]
        float[] v = [1f, 2f, 3f, 5f, 7f];
        new HaarTransform(5, 1, ExecutionOptions.Default).Forward(v, 1);
        Assert.Equal([(1f + 2f) * C, (3f + 5f) * C, 7f, (1f - 2f) * C, (3f - 5f) * C], v);
    }

    [Fact]
    public void Two_levels_order_bands_like_wavedec()
    {
        // s = 4: level 1 a1 = [(x0+x1)c, (x2+x3)c], e1; level 2 a2 = [(a1_0 + a1_1)c], e2 = [(a1_0 - a1_1)c]
        float[] v = [4f, 2f, 1f, 3f];
        new HaarTransform(4, 2, ExecutionOptions.Default).Forward(v, 1);
        float a10 = (4f + 2f) * C, a11 = (1f + 3f) * C;
        Assert.Equal([(a10 + a11) * C, (a10 - a11) * C, (4f - 2f) * C, (1f - 3f) * C], v);
    }

    [Theory]
    [InlineData(2048, 64, 5)]
    [InlineData(4096, 64, 6)]
    [InlineData(100, 64, 0)]
    [InlineData(130, 64, 1)]
    [InlineData(1, 0, 0)]
    [InlineData(1000, 0, 9)]
    [InlineData(197, 8, 4)]
    public void Auto_levels_keep_at_least_hi_tokens_in_the_approximation(int s, int hi, int expected) =>
        Assert.Equal(expected, HaarTransform.AutoLevels(s, hi));

    [Theory]
    [InlineData(77, 3)]
    [InlineData(64, 6)]
    [InlineData(129, 7)]
    [InlineData(3, 1)]
    public void Round_trip_is_within_float32_rounding_and_energy_is_preserved(int s, int levels)
    {
        int d = 70;
        var x = TestData.Activations(s, d, seed: s);
        var t = (float[])x.Data.Clone();
        var haar = new HaarTransform(s, levels, ExecutionOptions.Default);
        haar.Forward(t, d);
        double e0 = x.Data.Sum(v => (double)v * v), e1 = t.Sum(v => (double)v * v);
        Assert.InRange(e1 / e0, 1 - 1e-5, 1 + 1e-5);
        haar.Inverse(t, d);
        for (int i = 0; i < t.Length; i++)
            Assert.True(Math.Abs(t[i] - x.Data[i]) <= 1e-5 * (1 + Math.Abs(x.Data[i])), $"index {i}");
    }

    [Fact]
    public void Float64_round_trip_is_exact_to_double_precision()
    {
        int s = 45, d = 3;
        var x = Enumerable.Range(0, s * d).Select(i => Math.Sin(i * 0.37)).ToArray();
        var t = (double[])x.Clone();
        var haar = new HaarTransform(s, 4, ExecutionOptions.Default);
        haar.Forward(t, d);
        haar.Inverse(t, d);
        for (int i = 0; i < t.Length; i++) Assert.Equal(x[i], t[i], 12);
    }

    [Fact]
    public void Correlated_activations_concentrate_energy_in_the_approximation_band()
    {
        int s = 256, d = 32;
        var x = TestData.Activations(s, d, seed: 3, rho: 0.98, outliers: 0);
        var t = (float[])x.Data.Clone();
        new HaarTransform(s, HaarTransform.AutoLevels(s, 16), ExecutionOptions.Default).Forward(t, d);
        double head = t.Take(16 * d).Sum(v => (double)v * v), all = t.Sum(v => (double)v * v);
        Assert.True(head / all > 0.5, $"only {head / all:P} of the energy in the first 16 tokens");
    }

    [Fact]
    public void Result_does_not_depend_on_thread_count()
    {
        int s = 97, d = 300;
        var x = TestData.Activations(s, d, seed: 9);
        var one = (float[])x.Data.Clone();
        var many = (float[])x.Data.Clone();
        new HaarTransform(s, 4, new ExecutionOptions(1)).Forward(one, d);
        new HaarTransform(s, 4, new ExecutionOptions(4)).Forward(many, d);
        TestData.AssertBitsEqual(one, many, "haar");
    }
}
