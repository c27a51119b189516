using System.Numerics;

namespace StampSim.Metrics;

/// <summary>
/// Per-row float64 running sums over a block of rows: each row's terms are added to its sum term by term in column
/// order, continuing from the sum's current value (zero for a fresh sum). Four rows go side by side: their sums
/// are independent chains, so the adds overlap instead of waiting on each other, and every sum is the same
/// sequence of roundings as a plain loop over its row.
/// </summary>
internal static class RowSums
{
    /// <summary><c>sums[r·stride] += Σ_c v[r·ld + c]²</c> for <c>r &lt; rows</c>, <c>c &lt; cols</c>, term by term.</summary>
    public static void Squares(ReadOnlySpan<double> v, int ld, int rows, int cols, Span<double> sums, int stride)
    {
        int r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            var v0 = v.Slice(r * ld, cols); var v1 = v.Slice((r + 1) * ld, cols); var v2 = v.Slice((r + 2) * ld, cols); var v3 = v.Slice((r + 3) * ld, cols);
            double s0 = sums[r * stride], s1 = sums[(r + 1) * stride], s2 = sums[(r + 2) * stride], s3 = sums[(r + 3) * stride];
            for (int c = 0; c < cols; c++)
            {
                s0 += v0[c] * v0[c]; s1 += v1[c] * v1[c]; s2 += v2[c] * v2[c]; s3 += v3[c] * v3[c];
            }
            sums[r * stride] = s0; sums[(r + 1) * stride] = s1; sums[(r + 2) * stride] = s2; sums[(r + 3) * stride] = s3;
        }
        for (; r < rows; r++)
        {
            double sum = sums[r * stride];
            foreach (double x in v.Slice(r * ld, cols)) sum += x * x;
            sums[r * stride] = sum;
        }
    }

    /// <summary>
    /// <c>sums[r·stride] += Σ_c (y[r·ldy + c] − reference[r·ldr + c])²</c>, term by term, the difference taken in
    /// float64 (<paramref name="y"/> float32 or float64, widened exactly).
    /// </summary>
    public static void SquaredErrors<T>(ReadOnlySpan<T> y, int ldy, ReadOnlySpan<double> reference, int ldr, int rows, int cols,
        Span<double> sums, int stride) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            var y0 = y.Slice(r * ldy, cols); var y1 = y.Slice((r + 1) * ldy, cols); var y2 = y.Slice((r + 2) * ldy, cols); var y3 = y.Slice((r + 3) * ldy, cols);
            var f0 = reference.Slice(r * ldr, cols); var f1 = reference.Slice((r + 1) * ldr, cols);
            var f2 = reference.Slice((r + 2) * ldr, cols); var f3 = reference.Slice((r + 3) * ldr, cols);
            double s0 = sums[r * stride], s1 = sums[(r + 1) * stride], s2 = sums[(r + 2) * stride], s3 = sums[(r + 3) * stride];
            for (int c = 0; c < cols; c++)
            {
                double e0 = double.CreateTruncating(y0[c]) - f0[c], e1 = double.CreateTruncating(y1[c]) - f1[c];
                double e2 = double.CreateTruncating(y2[c]) - f2[c], e3 = double.CreateTruncating(y3[c]) - f3[c];
                s0 += e0 * e0; s1 += e1 * e1; s2 += e2 * e2; s3 += e3 * e3;
            }
            sums[r * stride] = s0; sums[(r + 1) * stride] = s1; sums[(r + 2) * stride] = s2; sums[(r + 3) * stride] = s3;
        }
        for (; r < rows; r++)
        {
            var yr = y.Slice(r * ldy, cols);
            var fr = reference.Slice(r * ldr, cols);
            double sum = sums[r * stride];
            for (int c = 0; c < cols; c++)
            {
                double e = double.CreateTruncating(yr[c]) - fr[c];
                sum += e * e;
            }
            sums[r * stride] = sum;
        }
    }
}
