namespace StampSim.Gpu.Crosscheck;

/// <summary>One dumped stage judged twice: against the golden stage and isolated (from the kernel's own previous stages).</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Golden">Against the golden values computed from golden inputs.</param>
/// <param name="Isolated">Against the golden next stage recomputed from the kernel's own previous stages.</param>
/// <param name="First">The first few mismatches (of the isolated verdict when it fails, else of the golden one).</param>
/// <param name="Affected">Per axis, which indices hold mismatches, e.g. <c>token 64–127</c>.</param>
public sealed record StageVerdict(ExternalStage Stage, StageComparison Golden, StageComparison Isolated, IReadOnlyList<MismatchDetail> First, IReadOnlyList<string> Affected)
{
    /// <summary>True when both verdicts match bit for bit.</summary>
    public bool Matches => Golden.Matches && Isolated.Matches;
}
