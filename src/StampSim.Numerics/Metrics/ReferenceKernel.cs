using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StampSim.Metrics;

/// <summary>
/// The float64 reference micro-kernel: an <see cref="Mr"/> x <see cref="Nr"/> block of running sums
/// <c>c[r][l] += Σ_k a[k][r]·b[k][l]</c>, each sum taken term by term in ascending k. Every path
/// (512-bit, 256-bit, scalar) performs that same sequence of roundings for every output, so the
/// reference does not depend on the instruction set; the vector paths only work on several outputs at once.
/// </summary>
internal static unsafe class ReferenceKernel
{
    /// <summary>Rows per block.</summary>
    public const int Mr = 8;

    /// <summary>Output channels per block.</summary>
    public const int Nr = 16;

    /// <summary>
    /// Adds <paramref name="kc"/> terms to the block at <paramref name="c"/> (row stride <paramref name="ldc"/>),
    /// reading packed <paramref name="a"/> (<c>[k][Mr]</c>) and <paramref name="b"/> (<c>[k][Nr]</c>).
    /// </summary>
    public static void Accumulate(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int kc, Span<double> c, int ldc)
    {
        if (a.Length < kc * Mr || b.Length < kc * Nr || c.Length < (Mr - 1) * ldc + Nr)
            throw new ArgumentException("reference block out of range");
        fixed (double* pa = a)
        fixed (double* pb = b)
        fixed (double* pc = c)
        {
            if (Vector512.IsHardwareAccelerated)
                Block512(pa, pb, kc, pc, ldc);
            else if (Vector256.IsHardwareAccelerated)
            {
                Half256(pa, pb, kc, pc, ldc, 0);
                Half256(pa, pb, kc, pc, ldc, Mr / 2);
            }
            else
                BlockScalar(pa, pb, kc, pc, ldc);
        }
    }

    // 8 rows x 2 vectors: 16 accumulators, 2 loads and 8 broadcasts per 16 FMAs. Short calls (one depth block)
    // would spend too long in unoptimised tier-0 code, hence AggressiveOptimization.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block512(double* a, double* b, int kc, double* c, int ldc)
    {
        double* c0 = c, c1 = c + ldc, c2 = c + 2 * ldc, c3 = c + 3 * ldc, c4 = c + 4 * ldc, c5 = c + 5 * ldc, c6 = c + 6 * ldc, c7 = c + 7 * ldc;
        Vector512<double> s00 = Vector512.Load(c0), s01 = Vector512.Load(c0 + 8), s10 = Vector512.Load(c1), s11 = Vector512.Load(c1 + 8);
        Vector512<double> s20 = Vector512.Load(c2), s21 = Vector512.Load(c2 + 8), s30 = Vector512.Load(c3), s31 = Vector512.Load(c3 + 8);
        Vector512<double> s40 = Vector512.Load(c4), s41 = Vector512.Load(c4 + 8), s50 = Vector512.Load(c5), s51 = Vector512.Load(c5 + 8);
        Vector512<double> s60 = Vector512.Load(c6), s61 = Vector512.Load(c6 + 8), s70 = Vector512.Load(c7), s71 = Vector512.Load(c7 + 8);
        for (int k = 0; k < kc; k++)
        {
            var b0 = Vector512.Load(b + k * Nr);
            var b1 = Vector512.Load(b + k * Nr + 8);
            double* ak = a + k * Mr;
            var v = Vector512.Create(ak[0]); s00 = Vector512.FusedMultiplyAdd(v, b0, s00); s01 = Vector512.FusedMultiplyAdd(v, b1, s01);
            v = Vector512.Create(ak[1]); s10 = Vector512.FusedMultiplyAdd(v, b0, s10); s11 = Vector512.FusedMultiplyAdd(v, b1, s11);
            v = Vector512.Create(ak[2]); s20 = Vector512.FusedMultiplyAdd(v, b0, s20); s21 = Vector512.FusedMultiplyAdd(v, b1, s21);
            v = Vector512.Create(ak[3]); s30 = Vector512.FusedMultiplyAdd(v, b0, s30); s31 = Vector512.FusedMultiplyAdd(v, b1, s31);
            v = Vector512.Create(ak[4]); s40 = Vector512.FusedMultiplyAdd(v, b0, s40); s41 = Vector512.FusedMultiplyAdd(v, b1, s41);
            v = Vector512.Create(ak[5]); s50 = Vector512.FusedMultiplyAdd(v, b0, s50); s51 = Vector512.FusedMultiplyAdd(v, b1, s51);
            v = Vector512.Create(ak[6]); s60 = Vector512.FusedMultiplyAdd(v, b0, s60); s61 = Vector512.FusedMultiplyAdd(v, b1, s61);
            v = Vector512.Create(ak[7]); s70 = Vector512.FusedMultiplyAdd(v, b0, s70); s71 = Vector512.FusedMultiplyAdd(v, b1, s71);
        }
        s00.Store(c0); s01.Store(c0 + 8); s10.Store(c1); s11.Store(c1 + 8);
        s20.Store(c2); s21.Store(c2 + 8); s30.Store(c3); s31.Store(c3 + 8);
        s40.Store(c4); s41.Store(c4 + 8); s50.Store(c5); s51.Store(c5 + 8);
        s60.Store(c6); s61.Store(c6 + 8); s70.Store(c7); s71.Store(c7 + 8);
    }

    // 4 rows (from row0) x 4 vectors: the same 16-accumulator shape with 256-bit vectors.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Half256(double* a, double* b, int kc, double* c, int ldc, int row0)
    {
        double* c0 = c + row0 * ldc, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
        Vector256<double> s00 = Vector256.Load(c0), s01 = Vector256.Load(c0 + 4), s02 = Vector256.Load(c0 + 8), s03 = Vector256.Load(c0 + 12);
        Vector256<double> s10 = Vector256.Load(c1), s11 = Vector256.Load(c1 + 4), s12 = Vector256.Load(c1 + 8), s13 = Vector256.Load(c1 + 12);
        Vector256<double> s20 = Vector256.Load(c2), s21 = Vector256.Load(c2 + 4), s22 = Vector256.Load(c2 + 8), s23 = Vector256.Load(c2 + 12);
        Vector256<double> s30 = Vector256.Load(c3), s31 = Vector256.Load(c3 + 4), s32 = Vector256.Load(c3 + 8), s33 = Vector256.Load(c3 + 12);
        for (int k = 0; k < kc; k++)
        {
            double* bk = b + k * Nr;
            var b0 = Vector256.Load(bk); var b1 = Vector256.Load(bk + 4); var b2 = Vector256.Load(bk + 8); var b3 = Vector256.Load(bk + 12);
            double* ak = a + k * Mr + row0;
            var v = Vector256.Create(ak[0]);
            s00 = Vector256.FusedMultiplyAdd(v, b0, s00); s01 = Vector256.FusedMultiplyAdd(v, b1, s01); s02 = Vector256.FusedMultiplyAdd(v, b2, s02); s03 = Vector256.FusedMultiplyAdd(v, b3, s03);
            v = Vector256.Create(ak[1]);
            s10 = Vector256.FusedMultiplyAdd(v, b0, s10); s11 = Vector256.FusedMultiplyAdd(v, b1, s11); s12 = Vector256.FusedMultiplyAdd(v, b2, s12); s13 = Vector256.FusedMultiplyAdd(v, b3, s13);
            v = Vector256.Create(ak[2]);
            s20 = Vector256.FusedMultiplyAdd(v, b0, s20); s21 = Vector256.FusedMultiplyAdd(v, b1, s21); s22 = Vector256.FusedMultiplyAdd(v, b2, s22); s23 = Vector256.FusedMultiplyAdd(v, b3, s23);
            v = Vector256.Create(ak[3]);
            s30 = Vector256.FusedMultiplyAdd(v, b0, s30); s31 = Vector256.FusedMultiplyAdd(v, b1, s31); s32 = Vector256.FusedMultiplyAdd(v, b2, s32); s33 = Vector256.FusedMultiplyAdd(v, b3, s33);
        }
        s00.Store(c0); s01.Store(c0 + 4); s02.Store(c0 + 8); s03.Store(c0 + 12);
        s10.Store(c1); s11.Store(c1 + 4); s12.Store(c1 + 8); s13.Store(c1 + 12);
        s20.Store(c2); s21.Store(c2 + 4); s22.Store(c2 + 8); s23.Store(c2 + 12);
        s30.Store(c3); s31.Store(c3 + 4); s32.Store(c3 + 8); s33.Store(c3 + 12);
    }

    // The portable path, for CPUs without vector hardware.
    private static void BlockScalar(double* a, double* b, int kc, double* c, int ldc)
    {
        for (int r = 0; r < Mr; r++)
            for (int l = 0; l < Nr; l++)
            {
                double sum = c[r * ldc + l];
                for (int k = 0; k < kc; k++) sum += a[k * Mr + r] * b[k * Nr + l];
                c[r * ldc + l] = sum;
            }
    }
}
