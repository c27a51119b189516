using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace StampSim.Gemm;

/// <summary>
/// The ordered emulation's first try for <see cref="Rows"/> tokens x 16 channels over one activation
/// group, with AVX-VNNI: chunk sums and running accumulators stay in registers, and only the extremes
/// of every chunk sum and every partial accumulator are kept. When none left its range, no saturation
/// or wrap happened anywhere, so the accumulators are the group's exact result and the ordered
/// emulation's result alike, with no events; otherwise the caller redoes the group chunk by chunk
/// (<see cref="RangeChecks"/>). Either way the bits and event counts are those of the ordered emulation.
/// Valid while every intermediate fits a 32-bit lane (<see cref="RangeChecks.Applies"/>).
/// </summary>
internal static unsafe class OptimisticOrderedKernel
{
    /// <summary>Tokens per call.</summary>
    public const int Rows = 3;

    /// <summary>True when this CPU runs the kernel.</summary>
    public static bool IsSupported => AvxVnni.IsSupported;

    /// <summary>
    /// Runs the group whose segments start at <paramref name="first"/>; returns -1 when some chunk sum
    /// or partial accumulator left its range (<paramref name="acc"/> is then undefined), else stores
    /// the <see cref="Rows"/> x 16 accumulators and returns the index of the next group's first segment. <paramref name="corrections"/> holds, per segment, the
    /// 16 lanes' code offset times weight sum (null when activations carry no offset). Without
    /// <paramref name="checkTree"/> (no chunk can leave the tree's range, <see cref="OverflowBound.ChunkCannotOverflow"/>)
    /// only the accumulators are watched.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int TryGroup(byte* a, int lda, sbyte* b, Segment[] segments, int first, int* corrections,
        bool checkTree, SignedRange tree, SignedRange accumulator, int* acc)
    {
        Vector256<int> s00 = default, s01 = default, s10 = default, s11 = default, s20 = default, s21 = default;
        var tMax = Vector256.Create(int.MinValue);
        var tMin = Vector256.Create(int.MaxValue);
        var aMax = tMax;
        var aMin = tMin;
        byte* a0 = a, a1 = a + lda, a2 = a + 2 * lda;
        Segment seg;
        int si = first;
        do
        {
            seg = segments[si];
            Vector256<int> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
            sbyte* bs = b + 64 * seg.K4Offset;
            int o = 4 * seg.K4Offset;
            for (int t = 0; t < seg.K4Count; t++, o += 4)
            {
                var b0 = Avx.LoadVector256(bs + 64 * t);
                var b1 = Avx.LoadVector256(bs + 64 * t + 32);
                var v = Vector256.Create(*(int*)(a0 + o)).AsByte();
                c00 = AvxVnni.MultiplyWideningAndAdd(c00, v, b0);
                c01 = AvxVnni.MultiplyWideningAndAdd(c01, v, b1);
                v = Vector256.Create(*(int*)(a1 + o)).AsByte();
                c10 = AvxVnni.MultiplyWideningAndAdd(c10, v, b0);
                c11 = AvxVnni.MultiplyWideningAndAdd(c11, v, b1);
                v = Vector256.Create(*(int*)(a2 + o)).AsByte();
                c20 = AvxVnni.MultiplyWideningAndAdd(c20, v, b0);
                c21 = AvxVnni.MultiplyWideningAndAdd(c21, v, b1);
            }
            if (corrections != null)
            {
                var k0 = Vector256.Load(corrections + 16 * si);
                var k1 = Vector256.Load(corrections + 16 * si + 8);
                c00 -= k0; c10 -= k0; c20 -= k0;
                c01 -= k1; c11 -= k1; c21 -= k1;
            }
            if (checkTree)
            {
                tMax = Vector256.Max(tMax, Vector256.Max(Vector256.Max(c00, c01), Vector256.Max(Vector256.Max(c10, c11), Vector256.Max(c20, c21))));
                tMin = Vector256.Min(tMin, Vector256.Min(Vector256.Min(c00, c01), Vector256.Min(Vector256.Min(c10, c11), Vector256.Min(c20, c21))));
            }
            s00 += c00; s01 += c01; s10 += c10; s11 += c11; s20 += c20; s21 += c21;
            aMax = Vector256.Max(aMax, Vector256.Max(Vector256.Max(s00, s01), Vector256.Max(Vector256.Max(s10, s11), Vector256.Max(s20, s21))));
            aMin = Vector256.Min(aMin, Vector256.Min(Vector256.Min(s00, s01), Vector256.Min(Vector256.Min(s10, s11), Vector256.Min(s20, s21))));
            si++;
        } while (!seg.LastInGroup);

        var outside = Vector256.GreaterThan(tMax, Vector256.Create((int)tree.Max)) | Vector256.LessThan(tMin, Vector256.Create((int)tree.Min)) |
                      Vector256.GreaterThan(aMax, Vector256.Create((int)accumulator.Max)) | Vector256.LessThan(aMin, Vector256.Create((int)accumulator.Min));
        if (outside != Vector256<int>.Zero) return -1;
        s00.Store(acc); s01.Store(acc + 8);
        s10.Store(acc + 16); s11.Store(acc + 24);
        s20.Store(acc + 32); s21.Store(acc + 40);
        return si;
    }
}
