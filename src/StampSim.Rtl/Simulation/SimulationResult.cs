namespace StampSim.Rtl.Simulation;

/// <summary>The first disagreement the testbench found.</summary>
/// <param name="Token">Token index in the layer.</param>
/// <param name="Channel">Output channel.</param>
/// <param name="Chunk">Chunk index.</param>
/// <param name="Field">What disagreed: chunk_sum, acc, tree_events, acc_events or out_valid.</param>
/// <param name="Expected">Golden value.</param>
/// <param name="Actual">The RTL's value.</param>
public sealed record Mismatch(int Token, int Channel, int Chunk, string Field, long Expected, long Actual)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"first mismatch at (token {Token}, channel {Channel}, chunk {Chunk}): {Field} expected {Expected}, actual {Actual}";
}

/// <summary>One simulator run of the testbench over a vector set.</summary>
/// <param name="Simulator">Which simulator.</param>
/// <param name="Vectors">Records checked.</param>
/// <param name="Mismatches">Records with any disagreement.</param>
/// <param name="First">The first disagreement, or null.</param>
/// <param name="CompileSeconds">Time to build the simulation.</param>
/// <param name="SimulateSeconds">Time to run it.</param>
public sealed record SimulationResult(SimulatorKind Simulator, long Vectors, long Mismatches, Mismatch? First, double CompileSeconds, double SimulateSeconds)
{
    /// <summary>The one-line summary: <c>N vectors, 0 mismatches</c>, or the first mismatch.</summary>
    public string Summary => Mismatches == 0
        ? $"{Vectors} vectors, 0 mismatches"
        : $"{Vectors} vectors, {Mismatches} mismatches; {First}";
}
