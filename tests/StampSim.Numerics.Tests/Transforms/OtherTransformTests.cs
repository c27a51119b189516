using StampSim.Numerics;
using StampSim.Tests.Support;
using StampSim.Transforms;

namespace StampSim.Tests.Transforms;

public class OtherTransformTests
{
    [Fact]
    public void Wht_of_length_two_and_four_by_hand()
    {
        float[] v = [1f, 2f, 3f, 4f];
        WalshHadamard.Transform<float>(v);
        // butterflies: h=1 -> [3, -1, 7, -1]; h=2 -> [10, -2, -4, 0]; times f32(1/2)
        Assert.Equal([5f, -1f, -2f, 0f], v);
    }

    [Fact]
    public void Wht_is_self_inverse_within_rounding_and_vectorised_widths_agree_with_scalar()
    {
        var x = TestData.Vector(256, 1);
        var t = (float[])x.Clone();
        WalshHadamard.Transform<float>(t);
        // Scalar reference of the contract's butterfly order.
        var r = (float[])x.Clone();
        for (int h = 1; h < r.Length; h <<= 1)
            for (int i = 0; i < r.Length; i += 2 * h)
                for (int j = i; j < i + h; j++) (r[j], r[j + h]) = (r[j] + r[j + h], r[j] - r[j + h]);
        for (int i = 0; i < r.Length; i++) r[i] *= (float)(1.0 / Math.Sqrt(256));
        TestData.AssertBitsEqual(r, t, "wht");
        WalshHadamard.Transform<float>(t);
        for (int i = 0; i < t.Length; i++) Assert.Equal(x[i], t[i], 4);
    }

    [Fact]
    public void Wht_along_the_sequence_needs_a_power_of_two()
    {
        var e = Assert.Throws<InputException>(() => new WhtTransform(96, ExecutionOptions.Default));
        Assert.Contains("power-of-two", e.Message);
    }

    [Fact]
    public void Dct_basis_is_orthonormal_and_round_trips()
    {
        int s = 37, d = 5;
        var x = TestData.Activations(s, d, seed: 2, outliers: 0);
        var t = (float[])x.Data.Clone();
        var dct = new DctTransform(s, ExecutionOptions.Default);
        dct.Forward(t, d);
        double e0 = x.Data.Sum(v => (double)v * v), e1 = t.Sum(v => (double)v * v);
        Assert.InRange(e1 / e0, 1 - 1e-6, 1 + 1e-6);
        dct.Inverse(t, d);
        for (int i = 0; i < t.Length; i++) Assert.Equal(x.Data[i], t[i], 4);
    }

    [Fact]
    public void Dct_of_a_constant_puts_everything_in_the_first_coefficient()
    {
        int s = 16;
        var v = Enumerable.Repeat(2.0, s).ToArray();
        new DctTransform(s, ExecutionOptions.Default).Forward(v, 1);
        Assert.Equal(2.0 * Math.Sqrt(s), v[0], 12);
        for (int k = 1; k < s; k++) Assert.Equal(0.0, v[k], 12);
    }

    [Fact]
    public void Prefix_tokens_stay_in_place_untransformed()
    {
        var numerics = new NumericsConfig { Transform = SequenceTransformKind.Haar2d, Grid = new TokenGrid(4, 4), PrefixTokens = 1, HiTokens = 5 };
        var t = SequenceTransforms.Create(numerics, 17, ExecutionOptions.Default);
        Assert.Equal(1, t.Levels); // LL of 2x2 = 4 tokens >= hi_tokens - prefix = 4
        var x = TestData.Activations(17, 3, seed: 4);
        var v = (float[])x.Data.Clone();
        t.Forward(v, 3);
        Assert.Equal(x.Data.Take(3), v.Take(3));
        Assert.NotEqual(x.Data.Skip(3).Take(3), v.Skip(3).Take(3));
    }

    [Fact]
    public void Grid_that_does_not_cover_the_tokens_is_rejected()
    {
        var numerics = new NumericsConfig { Transform = SequenceTransformKind.Haar2d, Grid = new TokenGrid(14, 14) };
        var e = Assert.Throws<InputException>(() => SequenceTransforms.Create(numerics, 197, ExecutionOptions.Default));
        Assert.Contains("196 tokens", e.Message);
    }

    [Fact]
    public void Feature_hadamard_needs_a_power_of_two_feature_count()
    {
        var e = Assert.Throws<InputException>(() => FeatureHadamard.Apply(new float[3 * 172], 3, 172, ExecutionOptions.Default));
        Assert.Contains("d = 172", e.Message);
    }
}
