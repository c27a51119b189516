namespace StampSim.Metrics;

/// <summary>
/// Packs one depth block of the float32 reference operands into float64 micro-panels for
/// <see cref="ReferenceKernel"/>: conversion happens once per block instead of once per product,
/// and the kernel reads both operands with unit stride. Slots past the tile's edge are zero.
/// </summary>
internal static class ReferencePanels
{
    /// <summary>
    /// Rows [i0, i0+rows) x reduction [k0, k0+kc) of row-major <paramref name="x"/> (d columns) as
    /// panels of <see cref="ReferenceKernel.Mr"/> rows: <c>a[(m·kc + k)·Mr + r]</c>.
    /// </summary>
    public static void PackRows(ReadOnlySpan<float> x, int d, int i0, int rows, int k0, int kc, Span<double> a)
    {
        const int mr = ReferenceKernel.Mr;
        int panels = (rows + mr - 1) / mr;
        for (int m = 0; m < panels; m++)
        {
            var panel = a.Slice(m * mr * kc, mr * kc);
            for (int r = 0; r < mr; r++)
            {
                int row = m * mr + r;
                if (row >= rows)
                {
                    for (int k = 0; k < kc; k++) panel[k * mr + r] = 0;
                    continue;
                }
                var src = x.Slice((i0 + row) * d + k0, kc);
                for (int k = 0; k < kc; k++) panel[k * mr + r] = src[k];
            }
        }
    }

    /// <summary>
    /// Channels [n0, n0+cols) x reduction [k0, k0+kc) of row-major <paramref name="w"/> (d columns) as
    /// panels of <see cref="ReferenceKernel.Nr"/> channels: <c>b[(p·kc + k)·Nr + l]</c>.
    /// </summary>
    public static void PackColumns(ReadOnlySpan<float> w, int d, int n0, int cols, int k0, int kc, Span<double> b)
    {
        const int nr = ReferenceKernel.Nr;
        int panels = (cols + nr - 1) / nr;
        for (int p = 0; p < panels; p++)
        {
            var panel = b.Slice(p * nr * kc, nr * kc);
            for (int l = 0; l < nr; l++)
            {
                int ch = p * nr + l;
                if (ch >= cols)
                {
                    for (int k = 0; k < kc; k++) panel[k * nr + l] = 0;
                    continue;
                }
                var src = w.Slice((n0 + ch) * d + k0, kc);
                for (int k = 0; k < kc; k++) panel[k * nr + l] = src[k];
            }
        }
    }
}
