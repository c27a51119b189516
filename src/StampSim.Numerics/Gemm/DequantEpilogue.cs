using System.Runtime.Intrinsics;

namespace StampSim.Gemm;

/// <summary>
/// Stage 4, the float32 dequantisation epilogue, for one token and one 16-channel panel:
/// <c>term = f32(f32(f32(acc) · f32(delta · sw)) + f32(mn · f32(f32(rowsum) · sw)))</c>;
/// group terms are added in ascending group order starting from the group-0 term.
/// Vector lanes perform exactly the scalar operations (no fused multiply-add).
/// </summary>
public static class DequantEpilogue
{
    /// <summary>The per-channel constant <c>f32(f32(rowsum) · sw)</c>.</summary>
    public static float RowSumScale(int rowSum, float sw) => (float)rowSum * sw;

    /// <summary>Applies one group's term to 16 outputs: <paramref name="y"/> = term (first group) or y + term.</summary>
    /// <param name="acc">16 accumulators already converted to float32 (round to nearest even).</param>
    /// <param name="delta">The token's (group's) activation scale.</param>
    /// <param name="mn">The token's (group's) activation offset.</param>
    /// <param name="sw">16 weight scales.</param>
    /// <param name="rsw">16 values of <see cref="RowSumScale"/> for this group.</param>
    /// <param name="y">16 outputs.</param>
    /// <param name="first">True for group 0.</param>
    public static void Apply16(ReadOnlySpan<float> acc, float delta, float mn, ReadOnlySpan<float> sw, ReadOnlySpan<float> rsw, Span<float> y, bool first)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            var vd = Vector256.Create(delta);
            var vm = Vector256.Create(mn);
            for (int h = 0; h < 16; h += 8)
            {
                var term = Vector256.Create(acc.Slice(h, 8)) * (vd * Vector256.Create(sw.Slice(h, 8)))
                         + vm * Vector256.Create(rsw.Slice(h, 8));
                if (!first) term = Vector256.Create(y.Slice(h, 8)) + term;
                term.CopyTo(y.Slice(h, 8));
            }
            return;
        }
        for (int l = 0; l < 16; l++)
        {
            float scale = delta * sw[l];
            float off = mn * rsw[l];
            float term = acc[l] * scale + off;
            y[l] = first ? term : y[l] + term;
        }
    }
}
