namespace StampSim.Gemm;

/// <summary>How many times the MAC array brought a value into range.</summary>
/// <param name="Tree">Adder-tree (chunk) results out of <c>tree_bits</c>.</param>
/// <param name="Accumulator">Accumulator additions out of <c>acc_bits</c>.</param>
public readonly record struct OverflowEvents(long Tree, long Accumulator)
{
    /// <summary>All events.</summary>
    public long Total => Tree + Accumulator;
}
