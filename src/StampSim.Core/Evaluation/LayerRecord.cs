using StampSim.Config;
using StampSim.Hardware;

namespace StampSim.Evaluation;

/// <summary>
/// The per-layer record: one layer evaluated on one config, the same for <c>layer</c>, <c>replay</c>,
/// <c>run</c> and <c>sweep</c> (its JSON form is documented in <c>docs/layer-record.md</c>).
/// </summary>
/// <param name="Subject">The layer.</param>
/// <param name="ConfigLabel">The config's label (its name, made unique within a run).</param>
/// <param name="Shape">Tokens, features, outputs and bias.</param>
/// <param name="Config">The effective config, with the numerics as run on this layer.</param>
/// <param name="Stamp">Golden numerics and metrics of the configured (STaMP) numerics.</param>
/// <param name="A4">The uniform A4 baseline's golden metrics, when baselines were evaluated.</param>
/// <param name="A8">The uniform A8 baseline's golden metrics, when baselines were evaluated.</param>
/// <param name="Cost">Cost of STaMP, A4 and A8, when the config describes an accelerator.</param>
/// <param name="Timing">Where the time went.</param>
public sealed record LayerRecord(LayerSubject Subject, string ConfigLabel, LayerShape Shape, StampConfig Config,
    NumericsRun Stamp, NumericsRun? A4, NumericsRun? A8, CostComparison? Cost, LayerTiming Timing)
{
    /// <summary>The golden run of <paramref name="variant"/>; null for a baseline that was not evaluated.</summary>
    public NumericsRun? Of(Variant variant) => variant switch
    {
        Variant.Stamp => Stamp,
        Variant.A4 => A4,
        _ => A8,
    };
}
