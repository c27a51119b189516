using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace StampSim.Metrics;

/// <summary>
/// Packs one depth block of the float32 reference operands into float64 micro-panels for
/// <see cref="ReferenceKernel"/>: conversion happens once per block instead of once per product,
/// and the kernel reads both operands with unit stride. Slots past the tile's edge are zero.
/// Packing only moves and widens values (exactly), so its path never changes a result.
/// </summary>
internal static unsafe class ReferencePanels
{
    /// <summary>
    /// Rows [i0, i0+rows), at most <see cref="ReferenceKernel.Mr"/>, x reduction [k0, k0+kc) of
    /// row-major <paramref name="x"/> (d columns) as one panel: <c>a[k·Mr + r]</c>.
    /// </summary>
    public static void PackRows(ReadOnlySpan<float> x, int d, int i0, int rows, int k0, int kc, Span<double> a)
    {
        const int mr = ReferenceKernel.Mr;
        if (rows > mr || a.Length < mr * kc || x.Length < (long)(i0 + rows - 1) * d + k0 + kc)
            throw new ArgumentException("reference row panel out of range");
        if (rows < mr) a.Slice(0, mr * kc).Clear();
        fixed (float* px = x)
        fixed (double* pa = a)
            PackPanel(px + (long)i0 * d + k0, d, rows, kc, pa, mr);
    }

    /// <summary>
    /// Channels [n0, n0+cols) x reduction [k0, k0+kc) of row-major <paramref name="w"/> (d columns) as
    /// panels of <see cref="ReferenceKernel.Nr"/> channels: <c>b[(p·kc + k)·Nr + l]</c>.
    /// </summary>
    public static void PackColumns(ReadOnlySpan<float> w, int d, int n0, int cols, int k0, int kc, Span<double> b)
    {
        const int nr = ReferenceKernel.Nr;
        int panels = (cols + nr - 1) / nr;
        if (b.Length < panels * nr * kc || w.Length < (long)(n0 + cols - 1) * d + k0 + kc)
            throw new ArgumentException("reference weight block out of range");
        if (cols < panels * nr) b.Slice((panels - 1) * nr * kc, nr * kc).Clear();
        fixed (float* pw = w)
        fixed (double* pb = b)
            for (int c0 = 0; c0 < cols; c0 += 8)
                PackPanel(pw + (long)(n0 + c0) * d + k0, d, Math.Min(8, cols - c0), kc,
                    pb + (long)(c0 / nr) * nr * kc + c0 % nr, nr);
    }

    // Up to 8 source rows (stride d) into dst[k·stride + r]. Eight full rows go through 8 x 8 register
    // transposes; anything else, and the depth tail, element by element.
    private static void PackPanel(float* src, int d, int rows, int kc, double* dst, int stride)
    {
        int k = 0;
        if (rows == 8 && Avx512F.IsSupported)
            for (; k + 8 <= kc; k += 8)
                Transpose8x8(src + k, d, dst + (long)k * stride, stride);
        for (int r = 0; r < rows; r++)
        {
            float* s = src + (long)r * d;
            for (int j = k; j < kc; j++) dst[(long)j * stride + r] = s[j];
        }
    }

    // Widens an 8 x 8 float block (rows of stride d) and stores its transpose (rows of stride dstStride):
    // unpack pairs, then two rounds of 128-bit lane shuffles.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* src, int d, double* dst, int dstStride)
    {
        var r0 = Avx512F.ConvertToVector512Double(Avx.LoadVector256(src));
        var r1 = Avx512F.ConvertToVector512Double(Avx.LoadVector256(src + d));
        var r2 = Avx512F.ConvertToVector512Double(Avx.LoadVector256(src + 2L * d));
        var r3 = Avx512F.ConvertToVector512Double(Avx.LoadVector256(src + 3L * d));
        var r4 = Avx512F.ConvertToVector512Double(Avx.LoadVector256(src + 4L * d));
        var r5 = Avx512F.ConvertToVector512Double(Avx.LoadVector256(src + 5L * d));
        var r6 = Avx512F.ConvertToVector512Double(Avx.LoadVector256(src + 6L * d));
        var r7 = Avx512F.ConvertToVector512Double(Avx.LoadVector256(src + 7L * d));
        // t0 = (r0[0] r1[0] | r0[2] r1[2] | r0[4] r1[4] | r0[6] r1[6]); t1 the same for odd k.
        var t0 = Avx512F.UnpackLow(r0, r1); var t1 = Avx512F.UnpackHigh(r0, r1);
        var t2 = Avx512F.UnpackLow(r2, r3); var t3 = Avx512F.UnpackHigh(r2, r3);
        var t4 = Avx512F.UnpackLow(r4, r5); var t5 = Avx512F.UnpackHigh(r4, r5);
        var t6 = Avx512F.UnpackLow(r6, r7); var t7 = Avx512F.UnpackHigh(r6, r7);
        const byte even = 0x88, odd = 0xDD;   // 128-bit lanes (0,2 | 0,2) and (1,3 | 1,3)
        var u0 = Avx512F.Shuffle4x128(t0, t2, even); var u1 = Avx512F.Shuffle4x128(t0, t2, odd);
        var v0 = Avx512F.Shuffle4x128(t4, t6, even); var v1 = Avx512F.Shuffle4x128(t4, t6, odd);
        var u2 = Avx512F.Shuffle4x128(t1, t3, even); var u3 = Avx512F.Shuffle4x128(t1, t3, odd);
        var v2 = Avx512F.Shuffle4x128(t5, t7, even); var v3 = Avx512F.Shuffle4x128(t5, t7, odd);
        Avx512F.Store(dst, Avx512F.Shuffle4x128(u0, v0, even));
        Avx512F.Store(dst + 4L * dstStride, Avx512F.Shuffle4x128(u0, v0, odd));
        Avx512F.Store(dst + 2L * dstStride, Avx512F.Shuffle4x128(u1, v1, even));
        Avx512F.Store(dst + 6L * dstStride, Avx512F.Shuffle4x128(u1, v1, odd));
        Avx512F.Store(dst + 1L * dstStride, Avx512F.Shuffle4x128(u2, v2, even));
        Avx512F.Store(dst + 5L * dstStride, Avx512F.Shuffle4x128(u2, v2, odd));
        Avx512F.Store(dst + 3L * dstStride, Avx512F.Shuffle4x128(u3, v3, even));
        Avx512F.Store(dst + 7L * dstStride, Avx512F.Shuffle4x128(u3, v3, odd));
    }
}
