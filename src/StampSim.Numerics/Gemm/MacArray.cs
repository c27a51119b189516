using StampSim.Numerics;

namespace StampSim.Gemm;

/// <summary>
/// The reduction of the MAC array as the contract defines it: the reduction axis (restarted at
/// every activation group) is cut into chunks of <see cref="Rows"/>; each chunk is summed exactly
/// by the adder tree and brought into <c>tree_bits</c>; chunk results are added in ascending
/// order into an <c>acc_bits</c> accumulator, each addition brought into range.
/// </summary>
public sealed class MacArray
{
    /// <summary>Creates the array model.</summary>
    public MacArray(int rows, AccumulatorConfig accumulator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        Rows = rows;
        Tree = new SignedRange(accumulator.TreeBits, accumulator.Overflow);
        Accumulator = new SignedRange(accumulator.AccBits, accumulator.Overflow);
    }

    /// <summary>Chunk length R (the adder tree's width).</summary>
    public int Rows { get; }

    /// <summary>Adder-tree result range.</summary>
    public SignedRange Tree { get; }

    /// <summary>Accumulator range.</summary>
    public SignedRange Accumulator { get; }

    /// <summary>
    /// True when no chunk sum and no partial accumulator can leave its range, bounded from the
    /// code magnitudes alone: then the result is the exact integer dot product in any order.
    /// </summary>
    public bool CannotOverflow(int maxAbsActivation, int maxAbsWeight, int groupSize) =>
        ChunkCannotOverflow(maxAbsActivation, maxAbsWeight, groupSize) &&
        groupSize * ((long)maxAbsActivation * maxAbsWeight) <= Accumulator.Max;

    /// <summary>True when no chunk sum can leave the adder tree's range (the accumulator still may).</summary>
    public bool ChunkCannotOverflow(int maxAbsActivation, int maxAbsWeight, int groupSize) =>
        Math.Min(Rows, groupSize) * ((long)maxAbsActivation * maxAbsWeight) <= Tree.Max;
}
