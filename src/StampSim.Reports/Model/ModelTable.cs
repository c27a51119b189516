using System.Globalization;
using StampSim.Evaluation;

namespace StampSim.Reports.Model;

/// <summary>The model-level table, one row per config: TTFT, TPOT, energy per token of STaMP with its ratios to A4 and A8.</summary>
public static class ModelTable
{
    /// <summary>Column headers.</summary>
    public static readonly IReadOnlyList<string> Headers =
        ["config", "TTFT STaMP (ms)", "/A4", "/A8", "TPOT STaMP (ms)", "/A4", "/A8", "energy/token STaMP (mJ)", "/A4", "/A8"];

    /// <summary>The rows.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(ModelResult r) => r.Configs.Select(c =>
    {
        var (s, a4, a8) = (c.Of(Variant.Stamp), c.Of(Variant.A4), c.Of(Variant.A8));
        IReadOnlyList<string> row =
        [
            c.Config.Label,
            F(s.TtftSeconds * 1e3), Ratio(s.TtftSeconds, a4.TtftSeconds), Ratio(s.TtftSeconds, a8.TtftSeconds),
            s.TpotSeconds is double t ? F(t * 1e3) : "-", Ratio(s.TpotSeconds, a4.TpotSeconds), Ratio(s.TpotSeconds, a8.TpotSeconds),
            F(s.EnergyPerTokenJ * 1e3), Ratio(s.EnergyPerTokenJ, a4.EnergyPerTokenJ), Ratio(s.EnergyPerTokenJ, a8.EnergyPerTokenJ),
        ];
        return row;
    }).ToList();

    private static string F(double v) => v.ToString(v >= 100 ? "0.0" : "0.000", CultureInfo.InvariantCulture);

    private static string Ratio(double? a, double? b) => a is double x && b is double y && y > 0 ? (x / y).ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
