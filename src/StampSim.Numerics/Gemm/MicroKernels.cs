using System.Runtime.Intrinsics.X86;
using System.Runtime.Intrinsics;
using StampSim.Numerics;

namespace StampSim.Gemm;

/// <summary>
/// Integer micro-kernels: a 6 x 16 tile of exact sums <c>c[r][l] = Σ_k a[r][k]·b[l][k]</c> over a
/// packed segment, with <c>a</c> unsigned bytes and <c>b</c> signed bytes. All kernels compute
/// the same exact integers (products and 4-term sums fit 32 bits for any segment the packer makes).
/// </summary>
public static unsafe class MicroKernels
{
    /// <summary>Rows of activations per micro-tile.</summary>
    public const int Mr = 6;

    /// <summary>Output channels per micro-tile (one weight panel).</summary>
    public const int Nr = 16;

    /// <summary>Kernel signature: <paramref name="a"/> row 0 of the tile, <paramref name="lda"/> bytes between rows, <paramref name="b"/> the panel at the segment, <paramref name="k4"/> groups of 4, <paramref name="c"/> 6x16 results.</summary>
    public delegate void Kernel(byte* a, int lda, sbyte* b, int k4, int* c);

    /// <summary>The kernel for <paramref name="choice"/> on weights of <paramref name="weightBits"/> bits; Auto picks the fastest supported.</summary>
    /// <exception cref="InputException">The CPU does not support the requested instruction set, or the kernel cannot take these weights.</exception>
    public static Kernel Select(GemmKernel choice, int weightBits) => Resolve(choice, weightBits) switch
    {
        GemmKernel.Avx512Bw => Avx512BwKernel,
        GemmKernel.AvxVnni => AvxVnniKernel,
        GemmKernel.Avx2 => Avx2Kernel,
        _ => ScalarKernel,
    };

    /// <summary>The concrete kernel family <paramref name="choice"/> resolves to on this CPU for weights of <paramref name="weightBits"/> bits.</summary>
    public static GemmKernel Resolve(GemmKernel choice, int weightBits) => choice switch
    {
        GemmKernel.Auto => Supported(weightBits)[^1],
        GemmKernel.Avx512Bw when !Avx512BW.IsSupported => throw new InputException("GEMM kernel avx512_bw is not supported by this CPU"),
        GemmKernel.Avx512Bw when weightBits > Avx512BwMaxWeightBits =>
            throw new InputException($"GEMM kernel avx512_bw takes weights of at most {Avx512BwMaxWeightBits} bits, not {weightBits}"),
        GemmKernel.AvxVnni when !AvxVnni.IsSupported => throw new InputException("GEMM kernel avx_vnni is not supported by this CPU"),
        GemmKernel.Avx2 when !Avx2.IsSupported => throw new InputException("GEMM kernel avx2 is not supported by this CPU"),
        _ => choice,
    };

    /// <summary>Kernel families this CPU can run on weights of <paramref name="weightBits"/> bits, slowest first.</summary>
    public static IReadOnlyList<GemmKernel> Supported(int weightBits)
    {
        var list = new List<GemmKernel> { GemmKernel.Scalar };
        if (Avx2.IsSupported) list.Add(GemmKernel.Avx2);
        if (AvxVnni.IsSupported) list.Add(GemmKernel.AvxVnni);
        if (Avx512BW.IsSupported && weightBits <= Avx512BwMaxWeightBits) list.Add(GemmKernel.Avx512Bw);
        return list;
    }

    /// <summary>Widest weights <see cref="Avx512BwKernel"/> takes.</summary>
    public const int Avx512BwMaxWeightBits = 4;

    // k4 steps summed in 16 bits before widening: each vpmaddubsw lane is at most 2·255·7 = 3570 in magnitude, and 9 of those fit 32767.
    private const int Avx512BwSteps = 8;

    /// <summary>Portable reference kernel.</summary>
    public static void ScalarKernel(byte* a, int lda, sbyte* b, int k4, int* c)
    {
        for (int r = 0; r < Mr; r++)
        {
            for (int l = 0; l < Nr; l++)
            {
                int sum = 0;
                byte* ar = a + r * lda;
                sbyte* bl = b + 4 * l;
                for (int t = 0; t < k4; t++)
                {
                    byte* ap = ar + 4 * t;
                    sbyte* bp = bl + 64 * t;
                    sum += ap[0] * bp[0] + ap[1] * bp[1] + ap[2] * bp[2] + ap[3] * bp[3];
                }
                c[r * Nr + l] = sum;
            }
        }
    }

    /// <summary>AVX-VNNI: one <c>vpdpbusd</c> per 8 channels x 4 products.</summary>
    public static void AvxVnniKernel(byte* a, int lda, sbyte* b, int k4, int* c)
    {
        Vector256<int> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<int> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        byte* a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda, a4 = a + 4 * lda, a5 = a + 5 * lda;
        for (int t = 0; t < k4; t++)
        {
            var b0 = Avx.LoadVector256(b + 64 * t);
            var b1 = Avx.LoadVector256(b + 64 * t + 32);
            int o = 4 * t;
            var v = Vector256.Create(*(int*)(a0 + o)).AsByte();
            c00 = AvxVnni.MultiplyWideningAndAdd(c00, v, b0);
            c01 = AvxVnni.MultiplyWideningAndAdd(c01, v, b1);
            v = Vector256.Create(*(int*)(a1 + o)).AsByte();
            c10 = AvxVnni.MultiplyWideningAndAdd(c10, v, b0);
            c11 = AvxVnni.MultiplyWideningAndAdd(c11, v, b1);
            v = Vector256.Create(*(int*)(a2 + o)).AsByte();
            c20 = AvxVnni.MultiplyWideningAndAdd(c20, v, b0);
            c21 = AvxVnni.MultiplyWideningAndAdd(c21, v, b1);
            v = Vector256.Create(*(int*)(a3 + o)).AsByte();
            c30 = AvxVnni.MultiplyWideningAndAdd(c30, v, b0);
            c31 = AvxVnni.MultiplyWideningAndAdd(c31, v, b1);
            v = Vector256.Create(*(int*)(a4 + o)).AsByte();
            c40 = AvxVnni.MultiplyWideningAndAdd(c40, v, b0);
            c41 = AvxVnni.MultiplyWideningAndAdd(c41, v, b1);
            v = Vector256.Create(*(int*)(a5 + o)).AsByte();
            c50 = AvxVnni.MultiplyWideningAndAdd(c50, v, b0);
            c51 = AvxVnni.MultiplyWideningAndAdd(c51, v, b1);
        }
        c00.Store(c); c01.Store(c + 8);
        c10.Store(c + 16); c11.Store(c + 24);
        c20.Store(c + 32); c21.Store(c + 40);
        c30.Store(c + 48); c31.Store(c + 56);
        c40.Store(c + 64); c41.Store(c + 72);
        c50.Store(c + 80); c51.Store(c + 88);
    }

    /// <summary>
    /// AVX2: the same 4-product sums from two <c>vpmaddwd</c> on the even and odd bytes widened to
    /// 16 bits (exact; <c>vpmaddubsw</c> would saturate for 8-bit x 8-bit codes).
    /// </summary>
    public static void Avx2Kernel(byte* a, int lda, sbyte* b, int k4, int* c)
    {
        var lowBytes = Vector256.Create((short)0x00FF);
        for (int r0 = 0; r0 < Mr; r0 += 3)
        {
            Vector256<int> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
            byte* p0 = a + r0 * lda, p1 = p0 + lda, p2 = p1 + lda;
            for (int t = 0; t < k4; t++)
            {
                var b0 = Avx.LoadVector256(b + 64 * t).AsInt16();
                var b1 = Avx.LoadVector256(b + 64 * t + 32).AsInt16();
                var b0e = Avx2.ShiftRightArithmetic(Avx2.ShiftLeftLogical(b0, 8), 8);
                var b0o = Avx2.ShiftRightArithmetic(b0, 8);
                var b1e = Avx2.ShiftRightArithmetic(Avx2.ShiftLeftLogical(b1, 8), 8);
                var b1o = Avx2.ShiftRightArithmetic(b1, 8);
                int o = 4 * t;
                var v = Vector256.Create(*(int*)(p0 + o)).AsInt16();
                var ve = v & lowBytes;
                var vo = Avx2.ShiftRightLogical(v, 8);
                c00 += Avx2.MultiplyAddAdjacent(ve, b0e) + Avx2.MultiplyAddAdjacent(vo, b0o);
                c01 += Avx2.MultiplyAddAdjacent(ve, b1e) + Avx2.MultiplyAddAdjacent(vo, b1o);
                v = Vector256.Create(*(int*)(p1 + o)).AsInt16();
                ve = v & lowBytes;
                vo = Avx2.ShiftRightLogical(v, 8);
                c10 += Avx2.MultiplyAddAdjacent(ve, b0e) + Avx2.MultiplyAddAdjacent(vo, b0o);
                c11 += Avx2.MultiplyAddAdjacent(ve, b1e) + Avx2.MultiplyAddAdjacent(vo, b1o);
                v = Vector256.Create(*(int*)(p2 + o)).AsInt16();
                ve = v & lowBytes;
                vo = Avx2.ShiftRightLogical(v, 8);
                c20 += Avx2.MultiplyAddAdjacent(ve, b0e) + Avx2.MultiplyAddAdjacent(vo, b0o);
                c21 += Avx2.MultiplyAddAdjacent(ve, b1e) + Avx2.MultiplyAddAdjacent(vo, b1o);
            }
            int* cr = c + r0 * Nr;
            c00.Store(cr); c01.Store(cr + 8);
            c10.Store(cr + 16); c11.Store(cr + 24);
            c20.Store(cr + 32); c21.Store(cr + 40);
        }
    }

    /// <summary>
    /// AVX-512BW: per 4 reduction indices one <c>vpmaddubsw</c> per row on the whole 64-byte panel block
    /// (16 channels x 4 codes), summed in 16-bit lanes for <see cref="Avx512BwSteps"/> steps and then
    /// widened by <c>vpmaddwd</c> with ones: the same exact sums as <c>vpdpbusd</c> for weights of at most
    /// <see cref="Avx512BwMaxWeightBits"/> bits, at half the multiply instructions of the 256-bit kernel.
    /// </summary>
    public static void Avx512BwKernel(byte* a, int lda, sbyte* b, int k4, int* c)
    {
        Vector512<int> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;
        var ones = Vector512.Create((short)1);
        byte* a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda, a4 = a + 4 * lda, a5 = a + 5 * lda;
        for (int t = 0; t < k4;)
        {
            int end = Math.Min(k4, t + Avx512BwSteps);
            Vector512<short> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default;
            for (; t < end; t++)
            {
                var bv = Avx512F.LoadVector512(b + 64 * t);
                int o = 4 * t;
                s0 += Avx512BW.MultiplyAddAdjacent(Vector512.Create(*(int*)(a0 + o)).AsByte(), bv);
                s1 += Avx512BW.MultiplyAddAdjacent(Vector512.Create(*(int*)(a1 + o)).AsByte(), bv);
                s2 += Avx512BW.MultiplyAddAdjacent(Vector512.Create(*(int*)(a2 + o)).AsByte(), bv);
                s3 += Avx512BW.MultiplyAddAdjacent(Vector512.Create(*(int*)(a3 + o)).AsByte(), bv);
                s4 += Avx512BW.MultiplyAddAdjacent(Vector512.Create(*(int*)(a4 + o)).AsByte(), bv);
                s5 += Avx512BW.MultiplyAddAdjacent(Vector512.Create(*(int*)(a5 + o)).AsByte(), bv);
            }
            c0 += Avx512BW.MultiplyAddAdjacent(s0, ones); c1 += Avx512BW.MultiplyAddAdjacent(s1, ones);
            c2 += Avx512BW.MultiplyAddAdjacent(s2, ones); c3 += Avx512BW.MultiplyAddAdjacent(s3, ones);
            c4 += Avx512BW.MultiplyAddAdjacent(s4, ones); c5 += Avx512BW.MultiplyAddAdjacent(s5, ones);
        }
        c0.Store(c); c1.Store(c + 16); c2.Store(c + 32);
        c3.Store(c + 48); c4.Store(c + 64); c5.Store(c + 80);
    }

    /// <summary>
    /// <see cref="Avx512BwKernel"/> on two panels at once (<paramref name="b0"/>, <paramref name="b1"/>):
    /// each activation broadcast feeds two multiplies, halving the loads per multiply. Results go to
    /// <paramref name="c0"/> and <paramref name="c1"/> (6 x 16 each), the same exact sums.
    /// </summary>
    public static void Avx512BwPairKernel(byte* a, int lda, sbyte* b0, sbyte* b1, int k4, int* c0, int* c1)
    {
        Vector512<int> c00 = default, c10 = default, c20 = default, c30 = default, c40 = default, c50 = default;
        Vector512<int> c01 = default, c11 = default, c21 = default, c31 = default, c41 = default, c51 = default;
        var ones = Vector512.Create((short)1);
        byte* a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda, a4 = a + 4 * lda, a5 = a + 5 * lda;
        for (int t = 0; t < k4;)
        {
            int end = Math.Min(k4, t + Avx512BwSteps);
            Vector512<short> s00 = default, s10 = default, s20 = default, s30 = default, s40 = default, s50 = default;
            Vector512<short> s01 = default, s11 = default, s21 = default, s31 = default, s41 = default, s51 = default;
            for (; t < end; t++)
            {
                var v0 = Avx512F.LoadVector512(b0 + 64 * t);
                var v1 = Avx512F.LoadVector512(b1 + 64 * t);
                int o = 4 * t;
                var av = Vector512.Create(*(int*)(a0 + o)).AsByte();
                s00 += Avx512BW.MultiplyAddAdjacent(av, v0); s01 += Avx512BW.MultiplyAddAdjacent(av, v1);
                av = Vector512.Create(*(int*)(a1 + o)).AsByte();
                s10 += Avx512BW.MultiplyAddAdjacent(av, v0); s11 += Avx512BW.MultiplyAddAdjacent(av, v1);
                av = Vector512.Create(*(int*)(a2 + o)).AsByte();
                s20 += Avx512BW.MultiplyAddAdjacent(av, v0); s21 += Avx512BW.MultiplyAddAdjacent(av, v1);
                av = Vector512.Create(*(int*)(a3 + o)).AsByte();
                s30 += Avx512BW.MultiplyAddAdjacent(av, v0); s31 += Avx512BW.MultiplyAddAdjacent(av, v1);
                av = Vector512.Create(*(int*)(a4 + o)).AsByte();
                s40 += Avx512BW.MultiplyAddAdjacent(av, v0); s41 += Avx512BW.MultiplyAddAdjacent(av, v1);
                av = Vector512.Create(*(int*)(a5 + o)).AsByte();
                s50 += Avx512BW.MultiplyAddAdjacent(av, v0); s51 += Avx512BW.MultiplyAddAdjacent(av, v1);
            }
            c00 += Avx512BW.MultiplyAddAdjacent(s00, ones); c01 += Avx512BW.MultiplyAddAdjacent(s01, ones);
            c10 += Avx512BW.MultiplyAddAdjacent(s10, ones); c11 += Avx512BW.MultiplyAddAdjacent(s11, ones);
            c20 += Avx512BW.MultiplyAddAdjacent(s20, ones); c21 += Avx512BW.MultiplyAddAdjacent(s21, ones);
            c30 += Avx512BW.MultiplyAddAdjacent(s30, ones); c31 += Avx512BW.MultiplyAddAdjacent(s31, ones);
            c40 += Avx512BW.MultiplyAddAdjacent(s40, ones); c41 += Avx512BW.MultiplyAddAdjacent(s41, ones);
            c50 += Avx512BW.MultiplyAddAdjacent(s50, ones); c51 += Avx512BW.MultiplyAddAdjacent(s51, ones);
        }
        c00.Store(c0); c10.Store(c0 + 16); c20.Store(c0 + 32); c30.Store(c0 + 48); c40.Store(c0 + 64); c50.Store(c0 + 80);
        c01.Store(c1); c11.Store(c1 + 16); c21.Store(c1 + 32); c31.Store(c1 + 48); c41.Store(c1 + 64); c51.Store(c1 + 80);
    }
}
