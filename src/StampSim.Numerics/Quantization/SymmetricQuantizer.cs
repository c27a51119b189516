using System.Numerics.Tensors;

namespace StampSim.Quantization;

/// <summary>
/// The contract's symmetric quantizer: <c>qmax = 2^(b−1) − 1</c>, <c>delta = f32(max|x| / qmax)</c>,
/// <c>q = clamp(round_half_even(f32(x / delta)), −qmax, qmax)</c>, offset 0. When <c>max|x| = 0</c> every
/// code is 0 (the contract states this for min-max; the same reading is used here).
/// </summary>
public static class SymmetricQuantizer
{
    /// <summary>Byte offset added to stored codes so they fit the unsigned GEMM operand.</summary>
    public const int StoreOffset = 128;

    /// <summary>Largest code magnitude for <paramref name="bits"/> bits.</summary>
    public static int MaxCode(int bits) => (1 << (bits - 1)) - 1;

    /// <summary>Quantizes <paramref name="x"/>; codes are stored with <see cref="StoreOffset"/> added. Returns delta.</summary>
    public static float Quantize(ReadOnlySpan<float> x, int bits, Span<byte> codes)
    {
        float amax = Math.Abs(TensorPrimitives.MaxMagnitude(x));
        float delta = amax / MaxCode(bits);
        Codes(x, delta, bits, codes);
        return delta;
    }

    /// <summary>The stored codes of <paramref name="x"/> under a given <paramref name="delta"/> (all 0 when delta is 0).</summary>
    public static void Codes(ReadOnlySpan<float> x, float delta, int bits, Span<byte> codes)
    {
        if (delta == 0f)
        {
            codes.Fill(StoreOffset);
            return;
        }
        float qmax = MaxCode(bits);
        QuantizeKernel.Run(x, 0f, delta, -qmax, qmax, StoreOffset, codes);
    }
}
