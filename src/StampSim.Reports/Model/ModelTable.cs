using System.Globalization;
using StampSim.Inference;
using StampSim.Hardware;

namespace StampSim.Reports.Model;

/// <summary>The model-level table, one row per config: TTFT, TPOT, energy per token of STaMP with its ratios to A4 and A8.</summary>
public static class ModelTable
{
    /// <summary>Column headers.</summary>
    public static readonly IReadOnlyList<string> Headers =
        ["config", "TTFT STaMP (ms)", "/A4", "/A8", "TPOT STaMP (ms)", "/A4", "/A8", "energy/token STaMP (mJ)", "/A4", "/A8"];

    /// <summary>The rows; a variant some operator of which cannot run on the design shows <c>infeasible</c> and no ratios.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(ModelResult r) => r.Configs.Select(c =>
    {
        var (s, a4, a8) = (c.Of(Variant.Stamp), c.Of(Variant.A4), c.Of(Variant.A8));
        if (s.Infeasible is not null)
            return (IReadOnlyList<string>)[c.Config.Label, "infeasible", "-", "-", "infeasible", "-", "-", "infeasible", "-", "-"];
        // A baseline that cannot run gets no ratio.
        double? Of(VariantCost v, Func<VariantCost, double?> f) => v.Infeasible is null ? f(v) : null;
        IReadOnlyList<string> row =
        [
            c.Config.Label,
            F(s.TtftSeconds * 1e3), Ratio(s.TtftSeconds, Of(a4, v => v.TtftSeconds)), Ratio(s.TtftSeconds, Of(a8, v => v.TtftSeconds)),
            s.TpotSeconds is double t ? F(t * 1e3) : "-", Ratio(s.TpotSeconds, Of(a4, v => v.TpotSeconds)), Ratio(s.TpotSeconds, Of(a8, v => v.TpotSeconds)),
            F(s.EnergyPerTokenJ * 1e3), Ratio(s.EnergyPerTokenJ, Of(a4, v => v.EnergyPerTokenJ)), Ratio(s.EnergyPerTokenJ, Of(a8, v => v.EnergyPerTokenJ)),
        ];
        return row;
    }).ToList();

    private static string F(double v) => v.ToString(v >= 100 ? "0.0" : "0.000", CultureInfo.InvariantCulture);

    private static string Ratio(double? a, double? b) => a is double x && b is double y && y > 0 ? (x / y).ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
