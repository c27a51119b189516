namespace StampSim.Gpu.Crosscheck;

/// <summary>One dumped stage judged twice: against the golden stage and isolated (from the kernel's own previous stages).</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Golden">Against the golden values computed from golden inputs.</param>
/// <param name="Isolated">Against the golden next stage recomputed from the kernel's own previous stages.</param>
/// <param name="First">The first few mismatches (of the isolated verdict when it fails, else of the golden one).</param>
/// <param name="Affected">Per axis, which indices hold mismatches, e.g. <c>token 64–127</c>.</param>
/// <param name="Tolerance">Ulps a float stage may be off, from its own inputs, and still pass (0: exact).</param>
public sealed record StageVerdict(ExternalStage Stage, StageComparison Golden, StageComparison Isolated, IReadOnlyList<MismatchDetail> First,
    IReadOnlyList<string> Affected, long Tolerance = 0)
{
    /// <summary>True when both verdicts match bit for bit.</summary>
    public bool Exact => Golden.Matches && Isolated.Matches;

    /// <summary>Wrong given its own inputs: an isolated mismatch beyond the tolerance (integer stages: any).</summary>
    public bool IsolatedFails => Isolated.BeyondTolerance > 0;

    /// <summary>
    /// Passes: bit for bit, or (a float stage with a tolerance) within it of the stage recomputed from the kernel's own
    /// inputs, as a legal different association (a fused multiply-add epilogue) is, whatever it carried forward.
    /// </summary>
    public bool Passes => Exact || (!Stage.Integer && Tolerance > 0 && !IsolatedFails);
}
