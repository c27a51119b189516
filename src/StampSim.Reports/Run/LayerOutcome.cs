using StampSim.Hardware;
using StampSim.Traces;

namespace StampSim.Reports.Run;

/// <summary>Everything a run computed for one trace layer, per config.</summary>
/// <param name="Layer">The trace layer.</param>
/// <param name="Shape">Its shape.</param>
/// <param name="Configs">One outcome per config, in run order.</param>
/// <param name="Seconds">Wall time spent on the layer.</param>
public sealed record LayerOutcome(TraceLayer Layer, LayerShape Shape, IReadOnlyList<ConfigOutcome> Configs, double Seconds)
{
    /// <summary>The outcome on the config labelled <paramref name="label"/>.</summary>
    public ConfigOutcome On(string label) => Configs.First(c => c.Config.Label == label);
}
