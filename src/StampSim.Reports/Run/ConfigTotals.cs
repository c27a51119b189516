using StampSim.Hardware;
namespace StampSim.Reports.Run;

/// <summary>The totals of one config for STaMP, A4 and A8, and the STaMP ratios.</summary>
/// <param name="Label">Config label.</param>
/// <param name="ByVariant">Totals by variant.</param>
public sealed record ConfigTotals(string Label, IReadOnlyDictionary<Variant, VariantTotals> ByVariant)
{
    /// <summary>STaMP's totals.</summary>
    public VariantTotals Stamp => ByVariant[Variant.Stamp];

    /// <summary>True when every layer is feasible under every variant (so sums and ratios compare like with like).</summary>
    public bool Complete => ByVariant.Values.All(t => t.InfeasibleLayers == 0);

    /// <summary>STaMP's <paramref name="metric"/> over the baseline's; NaN when the totals are incomplete or the baseline is 0.</summary>
    public double Ratio(Func<VariantTotals, double> metric, Variant baseline)
    {
        double b = metric(ByVariant[baseline]);
        return Complete && b != 0 ? metric(Stamp) / b : double.NaN;
    }

    /// <summary>Totals of the config <paramref name="label"/> over <paramref name="layers"/>.</summary>
    public static ConfigTotals Of(string label, IReadOnlyList<LayerOutcome> layers) =>
        new(label, Variants.All.ToDictionary(v => v, v => VariantTotals.Of(label, v, layers)));
}
