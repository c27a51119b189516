using System.Runtime.CompilerServices;
using StampSim.Numerics;

namespace StampSim.Gemm;

/// <summary>
/// A signed two's-complement range of <see cref="Bits"/> bits and the contract's "bring into
/// range": saturate (clamp) or wrap, each counted as one overflow event.
/// </summary>
public readonly record struct SignedRange(int Bits, OverflowMode Mode)
{
    /// <summary>Largest representable value.</summary>
    public long Max => (1L << (Bits - 1)) - 1;

    /// <summary>Smallest representable value.</summary>
    public long Min => -(1L << (Bits - 1));

    /// <summary>Brings <paramref name="v"/> into range; increments <paramref name="events"/> when it was outside.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Bring(long v, ref long events)
    {
        if (v <= Max && v >= Min) return v;
        events++;
        if (Mode == OverflowMode.Saturate) return v > Max ? Max : Min;
        int shift = 64 - Bits;
        return (v << shift) >> shift;
    }
}
