using StampSim.Evaluation;
using StampSim.Hardware;

namespace StampSim.Reports.Run;

/// <summary>One layer on one config: its record (STaMP and both baselines, golden numerics and cost).</summary>
/// <param name="Config">The config.</param>
/// <param name="Record">The layer record (STaMP's numerics are the layer's effective ones: a grid layer under <c>haar2d</c> takes its grid from the trace).</param>
public sealed record ConfigOutcome(ConfigSpec Config, LayerRecord Record)
{
    /// <summary>The cost of STaMP and the baselines (every report config has an accelerator).</summary>
    public CostComparison Cost => Record.Cost!;

    /// <summary>The golden run of <paramref name="v"/> (a report evaluates all three).</summary>
    public NumericsRun Result(Variant v) => Record.Of(v)!;

    /// <summary>The cost of <paramref name="v"/>.</summary>
    public CostResult CostOf(Variant v) => Cost.Of(v);
}
