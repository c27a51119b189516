using System.Runtime.Intrinsics;

namespace StampSim.Quantization;

/// <summary>
/// Sums of signed weight codes (per channel, group or reduction segment), vectorised. Integer sums
/// are exact in any order, so the vector and scalar paths agree bit for bit.
/// </summary>
public static class CodeSums
{
    /// <summary>The sum of <paramref name="codes"/>.</summary>
    public static int Sum(ReadOnlySpan<sbyte> codes)
    {
        int i = 0, total = 0;
        if (Vector256.IsHardwareAccelerated && codes.Length >= 32)
        {
            var acc = Vector256<int>.Zero;
            for (; i + 32 <= codes.Length; i += 32)
            {
                var (lo, hi) = Vector256.Widen(Vector256.Create(codes.Slice(i, 32)));
                var (a, b) = Vector256.Widen(lo + hi);   // |lo + hi| <= 256: no 16-bit overflow
                acc += a + b;
            }
            total = Vector256.Sum(acc);
        }
        for (; i < codes.Length; i++) total += codes[i];
        return total;
    }
}
