using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using StampSim.Numerics;

namespace StampSim.Gemm;

/// <summary>
/// The ordered emulation's per-chunk step for one micro-tile, eight lanes at a time: remove the
/// activation code offset, bring the chunk into <c>tree_bits</c>, add it to the accumulator and bring
/// that into <c>acc_bits</c>, counting every event. Exactly the arithmetic of <see cref="SignedRange.Bring"/>
/// in 32-bit lanes, valid while every intermediate fits: both widths at most 30 bits and chunks of at
/// most <see cref="MaxChunk"/> products.
/// </summary>
internal static unsafe class RangeChecks
{
    /// <summary>Longest chunk whose raw sum (offset codes included) fits a 32-bit lane.</summary>
    public const int MaxChunk = 32768;

    /// <summary>True when the 32-bit vector step gives the same results as the 64-bit scalar one.</summary>
    public static bool Applies(MacArray mac) =>
        Vector256.IsHardwareAccelerated && mac.Tree.Bits <= 30 && mac.Accumulator.Bits <= 30 && mac.Rows <= MaxChunk;

    /// <summary>One chunk for <paramref name="rows"/> x 16 outputs (only the first <paramref name="lanes"/> lanes count events).</summary>
    /// <param name="c">Raw chunk sums from the kernel (Mr x 16).</param>
    /// <param name="acc">Running accumulators (Mr x 16).</param>
    /// <param name="correction">Per lane, the code offset times the chunk's weight sum (16 values).</param>
    /// <param name="rows">Valid rows of the micro-tile.</param>
    /// <param name="lanes">Valid output channels of the panel.</param>
    /// <param name="tree">Adder-tree range.</param>
    /// <param name="accumulator">Accumulator range.</param>
    /// <param name="treeEvents">Adder-tree events, incremented.</param>
    /// <param name="accEvents">Accumulator events, incremented.</param>
    public static void Step(int* c, int* acc, int* correction, int rows, int lanes, SignedRange tree, SignedRange accumulator,
        ref long treeEvents, ref long accEvents)
    {
        var valid0 = Mask(lanes, 0);
        var valid1 = Mask(lanes, 8);
        var corr0 = Vector256.Load(correction);
        var corr1 = Vector256.Load(correction + 8);
        for (int r = 0; r < rows; r++)
        {
            int* cr = c + 16 * r, ar = acc + 16 * r;
            Half(cr, ar, corr0, valid0, tree, accumulator, ref treeEvents, ref accEvents);
            Half(cr + 8, ar + 8, corr1, valid1, tree, accumulator, ref treeEvents, ref accEvents);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Half(int* c, int* acc, Vector256<int> correction, Vector256<int> valid, SignedRange tree, SignedRange accumulator,
        ref long treeEvents, ref long accEvents)
    {
        var chunk = Bring(Vector256.Load(c) - correction, tree, valid, ref treeEvents);
        Bring(Vector256.Load(acc) + chunk, accumulator, valid, ref accEvents).Store(acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Bring(Vector256<int> v, SignedRange range, Vector256<int> valid, ref long events)
    {
        var max = Vector256.Create((int)range.Max);
        var min = Vector256.Create((int)range.Min);
        var outside = (Vector256.GreaterThan(v, max) | Vector256.LessThan(v, min)) & valid;
        uint bits = outside.AsSingle().ExtractMostSignificantBits();
        if (bits == 0) return v;
        events += BitOperations.PopCount(bits);
        if (range.Mode == OverflowMode.Saturate) return Vector256.Min(Vector256.Max(v, min), max);
        int shift = 32 - range.Bits;
        return Vector256.ShiftRightArithmetic(Vector256.ShiftLeft(v, shift), shift);
    }

    // All-ones in lanes [first, first + 8) that are below `lanes`.
    private static Vector256<int> Mask(int lanes, int first) =>
        Vector256.LessThan(Vector256.Create(first) + Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(lanes));
}
