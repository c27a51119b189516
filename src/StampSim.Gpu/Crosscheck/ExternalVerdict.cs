using StampSim.Gemm;

namespace StampSim.Gpu.Crosscheck;

/// <summary>A kernel's dumps judged stage by stage.</summary>
/// <param name="Stages">Every dumped stage, in pipeline order.</param>
/// <param name="GoldenEvents">The golden GEMM's overflow events (always reported, dumped or not).</param>
public sealed record ExternalVerdict(IReadOnlyList<StageVerdict> Stages, OverflowEvents GoldenEvents)
{
    /// <summary>Whether every stage passes (bit for bit, or float stages within the tolerance).</summary>
    public bool Matches => Stages.All(s => s.Passes);

    /// <summary>
    /// The stage the first bug lives in: the first whose isolated verdict fails (it is wrong given its own
    /// inputs), else the first that does not pass; null when all match.
    /// </summary>
    public ExternalStage? FirstFailingStage =>
        (Stages.FirstOrDefault(s => s.IsolatedFails) ?? Stages.FirstOrDefault(s => !s.Passes))?.Stage;

    /// <summary>Whether the kernel's overflow events were compared.</summary>
    public bool EventsCompared => Stages.Any(s => s.Stage == ExternalStages.Events);
}
