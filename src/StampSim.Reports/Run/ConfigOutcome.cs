using StampSim.Hardware;

namespace StampSim.Reports.Run;

/// <summary>One layer on one config: the cost model and the golden numerics for STaMP, A4 and A8.</summary>
/// <param name="Config">The config.</param>
/// <param name="Cost">Cycles, traffic and energy of the three variants.</param>
/// <param name="Results">Golden numerics of each variant (STaMP's numerics are the layer's effective ones: a grid layer under <c>haar2d</c> takes its grid from the trace).</param>
public sealed record ConfigOutcome(ConfigSpec Config, CostComparison Cost, IReadOnlyDictionary<Variant, NumericsOutcome> Results)
{
    /// <summary>The cost of one variant.</summary>
    public CostResult CostOf(Variant v) => v switch
    {
        Variant.Stamp => Cost.Stamp,
        Variant.A4 => Cost.A4,
        _ => Cost.A8,
    };
}
