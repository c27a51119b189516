using StampSim.Numerics;
using StampSim.Quantization;
using StampSim.Tests.Support;

namespace StampSim.Tests.Quantization;

public class QuantizerTests
{
    [Fact]
    public void Minmax_by_hand_with_ties_to_even()
    {
        // mn = 0, mx = 3, 2 bits: B = 3, delta = 1; 0.5 -> 0, 1.5 -> 2, 2.5 -> 2 (half to even).
        float[] x = [0f, 0.5f, 1.5f, 2.5f, 3f, 1.2f];
        var codes = new byte[x.Length];
        var (delta, mn) = MinMaxQuantizer.Quantize(x, 2, codes);
        Assert.Equal(1f, delta);
        Assert.Equal(0f, mn);
        Assert.Equal(new byte[] { 0, 0, 2, 2, 3, 1 }, codes);
    }

    [Fact]
    public void Minmax_uses_float32_division_not_a_reciprocal()
    {
        // delta = f32(f32(mx - mn) / 15); q uses f32(x - mn) / delta exactly as written.
        var x = TestData.Vector(1000, 7);
        var codes = new byte[x.Length];
        var (delta, mn) = MinMaxQuantizer.Quantize(x, 4, codes);
        float mx = x.Max();
        Assert.Equal((mx - x.Min()) / 15f, delta);
        for (int i = 0; i < x.Length; i++)
            Assert.Equal((byte)Math.Clamp(MathF.Round((x[i] - mn) / delta, MidpointRounding.ToEven), 0, 15), codes[i]);
    }

    [Fact]
    public void Constant_token_has_zero_delta_and_zero_codes()
    {
        float[] x = [2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f];
        var codes = Enumerable.Repeat((byte)9, x.Length).ToArray();
        var (delta, mn) = MinMaxQuantizer.Quantize(x, 4, codes);
        Assert.Equal(0f, delta);
        Assert.Equal(2f, mn);
        Assert.All(codes, c => Assert.Equal(0, c));
    }

    [Fact]
    public void Symmetric_by_hand()
    {
        // max|x| = 3, 3 bits: qmax = 3, delta = 1; codes stored with +128.
        float[] x = [-3f, -1.5f, 0.5f, 2.5f, 3f];
        var codes = new byte[x.Length];
        float delta = SymmetricQuantizer.Quantize(x, 3, codes);
        Assert.Equal(1f, delta);
        Assert.Equal(new[] { -3, -2, 0, 2, 3 }, codes.Select(c => c - 128));
    }

    [Fact]
    public void Weight_quantizer_by_hand_with_row_sums()
    {
        // Row 0: max|w| = 0.7, 4 bits: qmax = 7, sw = f32(0.7/7); Row 1 is all zero.
        float[] w = [0.7f, -0.35f, 0.1f, 0f, 0f, 0f, 0f, 0f];
        var q = WeightQuantizer.Quantize(w, 2, 4, 4, 4, ExecutionOptions.Default);
        float sw = 0.7f / 7f;
        Assert.Equal(sw, q.Scale[0]);
        Assert.Equal(new sbyte[] { 7, (sbyte)MathF.Round(-0.35f / sw, MidpointRounding.ToEven), (sbyte)MathF.Round(0.1f / sw, MidpointRounding.ToEven), 0 }, q.Codes.Take(4));
        Assert.Equal(q.Codes.Take(4).Sum(v => v), q.RowSum[0]);
        Assert.Equal(0f, q.Scale[1]);
        Assert.All(q.Codes.Skip(4), v => Assert.Equal(0, v));
    }

    [Fact]
    public void First_hi_tokens_get_hi_bits()
    {
        var bits = TokenBits.Allocate(5, 2, 8, 4);
        Assert.Equal([8, 8, 4, 4, 4], bits);
    }

    [Fact]
    public void Groups_have_their_own_scales()
    {
        int s = 3, d = 8;
        float[] x = [0, 1, 2, 3, 100, 110, 120, 130, 0, 0, 0, 0, 0, 0, 0, 0, -1, 1, -1, 1, 5, 5, 5, 6];
        var q = ActivationQuantizer.Quantize(x, s, d, new NumericsConfig { ActGroup = 4, HiTokens = 0, LoBits = 2 }, ExecutionOptions.Default);
        Assert.Equal(2, q.Groups);
        Assert.Equal(1f, q.Scale[0]);
        Assert.Equal(10f, q.Scale[1]);
        Assert.Equal(100f, q.Offset[1]);
        Assert.Equal(new[] { 0, 1, 2, 3, 0, 1, 2, 3 }, Enumerable.Range(0, 8).Select(j => q.Code(0, j)));
    }

    [Fact]
    public void Group_that_does_not_divide_d_is_rejected()
    {
        var e = Assert.Throws<InputException>(() => ActivationQuantizer.GroupSize(new NumericsConfig { ActGroup = 48 }, 100));
        Assert.Contains("act_group", e.Message);
    }
}
