using StampSim.Hardware;
using StampSim.Traces;

namespace StampSim.Reports.Analysis;

/// <summary>
/// The layer a report looks at closely (energy compaction, autocorrelation): by default the selected
/// layer with the most multiply-accumulates, the one that weighs most in the totals (the first such
/// layer on a tie); <c>--focus-layer</c> names another.
/// </summary>
/// <param name="Layer">The layer.</param>
/// <param name="Shape">Its shape.</param>
/// <param name="Reason">Why it was chosen, for the report.</param>
public sealed record FocusChoice(TraceLayer Layer, LayerShape Shape, string Reason)
{
    /// <summary>The layer with the most MACs among <paramref name="layers"/> (the first on a tie).</summary>
    public static FocusChoice MostMacs(IReadOnlyList<(TraceLayer Layer, LayerShape Shape)> layers)
    {
        var best = layers[0];
        foreach (var candidate in layers.Skip(1))
            if (candidate.Shape.Macs > best.Shape.Macs) best = candidate;
        return new FocusChoice(best.Layer, best.Shape,
            $"the selected layer with the most multiply-accumulates ({best.Shape.Macs:N0}), which weighs most in the totals");
    }

    /// <summary>A layer named on the command line.</summary>
    public static FocusChoice Named(TraceLayer layer, LayerShape shape) => new(layer, shape, "chosen with --focus-layer");
}
