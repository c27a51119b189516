namespace StampSim.Gpu.Arithmetic;

/// <summary>
/// The contract's "bring into range" on the device: a signed two's-complement range of
/// <c>bits</c> bits, saturating (clamp) or wrapping; the same rule as the golden
/// <c>SignedRange.Bring</c>.
/// </summary>
public static class DeviceRange
{
    /// <summary>True when <paramref name="v"/> fits <paramref name="bits"/> signed bits.</summary>
    public static bool Fits(long v, int bits)
    {
        long max = (1L << (bits - 1)) - 1;
        return v <= max && v >= -max - 1;
    }

    /// <summary>Brings an out-of-range <paramref name="v"/> into range: clamp, or keep the low <paramref name="bits"/> bits sign-extended.</summary>
    public static long Bring(long v, int bits, bool wrap)
    {
        if (wrap)
        {
            int shift = 64 - bits;
            return (v << shift) >> shift;
        }
        long max = (1L << (bits - 1)) - 1;
        return v > max ? max : -max - 1;
    }
}
