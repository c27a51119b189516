using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace StampSim.Quantization;

/// <summary>
/// The contract's asymmetric min-max quantizer for one token or group:
/// <c>delta = f32(f32(mx − mn) / B)</c>, <c>q = clamp(round_half_even(f32(f32(x − mn) / delta)), 0, B)</c>.
/// </summary>
public static class MinMaxQuantizer
{
    /// <summary>Quantizes <paramref name="x"/> to <paramref name="bits"/> bits; returns (delta, mn).</summary>
    public static (float Delta, float Min) Quantize(ReadOnlySpan<float> x, int bits, Span<byte> codes)
    {
        float mn = TensorPrimitives.Min(x);
        float mx = TensorPrimitives.Max(x);
        float delta = (mx - mn) / ((1 << bits) - 1);
        Codes(x, mn, delta, bits, codes);
        return (delta, mn);
    }

    /// <summary>
    /// The codes of <paramref name="x"/> under a given <paramref name="mn"/> and <paramref name="delta"/> (all 0 when
    /// delta is 0); cross-checks judge a kernel's codes from its own scales with it.
    /// </summary>
    public static void Codes(ReadOnlySpan<float> x, float mn, float delta, int bits, Span<byte> codes)
    {
        if (delta == 0f)
        {
            codes.Clear();
            return;
        }
        QuantizeKernel.Run(x, mn, delta, 0f, (1 << bits) - 1, 0, codes);
    }
}

/// <summary>
/// <c>clamp(round_half_even(f32(f32(x − sub) / delta)), lo, hi) + storeOffset</c> element-wise,
/// vectorised; every lane performs the same IEEE operations as the scalar tail.
/// </summary>
internal static class QuantizeKernel
{
    public static void Run(ReadOnlySpan<float> x, float sub, float delta, float lo, float hi, int storeOffset, Span<byte> codes)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vSub = Vector256.Create(sub);
            var vDelta = Vector256.Create(delta);
            var vLo = Vector256.Create(lo);
            var vHi = Vector256.Create(hi);
            var vOff = Vector256.Create(storeOffset);
            for (; i + 32 <= x.Length; i += 32)
            {
                var a = Code(Vector256.Create(x.Slice(i, 8)), vSub, vDelta, vLo, vHi, vOff);
                var b = Code(Vector256.Create(x.Slice(i + 8, 8)), vSub, vDelta, vLo, vHi, vOff);
                var c = Code(Vector256.Create(x.Slice(i + 16, 8)), vSub, vDelta, vLo, vHi, vOff);
                var d = Code(Vector256.Create(x.Slice(i + 24, 8)), vSub, vDelta, vLo, vHi, vOff);
                // Narrowing truncates and keeps element order: a code in 0..255 stays itself, a negative
                // code (offset 0, signed weights) becomes its two's complement byte, as in the scalar tail.
                var ab = Vector256.Narrow(a.AsUInt32(), b.AsUInt32());
                var cd = Vector256.Narrow(c.AsUInt32(), d.AsUInt32());
                Vector256.Narrow(ab, cd).CopyTo(codes.Slice(i, 32));
            }
        }
        for (; i < x.Length; i++)
        {
            float q = MathF.Round((x[i] - sub) / delta, MidpointRounding.ToEven);
            q = Math.Min(Math.Max(q, lo), hi);
            codes[i] = (byte)((int)q + storeOffset);
        }
    }

    private static Vector256<int> Code(Vector256<float> x, Vector256<float> sub, Vector256<float> delta, Vector256<float> lo, Vector256<float> hi, Vector256<int> off)
    {
        var q = Vector256.Round((x - sub) / delta);
        q = Vector256.Min(Vector256.Max(q, lo), hi);
        return Vector256.ConvertToInt32(q) + off;
    }
}
