using System.Globalization;
using StampSim.ModelCost;
using StampSim.Hardware;

namespace StampSim.Reports.Model;

/// <summary>
/// The model-level table, one row per config and variant: absolute times, rates, energies and DRAM (traffic and what
/// must be held), each in a unit suited to its size, and the ratios of TTFT and TPOT (ViT, DiT: time and energy per
/// image) to A4 and A8. A decoder's columns speak of tokens, a ViT's and a DiT's of images. An infeasible variant shows
/// "infeasible: reason" and no figures.
/// </summary>
public static class ModelTable
{
    /// <summary>Column headers for <paramref name="r"/>'s model family.</summary>
    public static IReadOnlyList<string> Headers(ModelResult r) => r.Architecture.Family.Decodes
        ? ["config", "variant", "TTFT", "TPOT", "tokens/s", "prefill energy/prompt token", "decode energy/token", "DRAM traffic", "DRAM held", "TTFT /A4", "TTFT /A8", "TPOT /A4", "TPOT /A8"]
        : ["config", "variant", r.Architecture.Family.Diffuses ? $"time ({r.Request.Steps} steps)" : "time per batch", "images/s", "energy/image", "DRAM traffic", "DRAM held",
            "time /A4", "time /A8", "energy /A4", "energy /A8"];

    /// <summary>Which columns are right-aligned (all but config and variant).</summary>
    public static IReadOnlyList<bool> RightAligned(ModelResult r) => Headers(r).Select((_, i) => i > 1).ToList();

    /// <summary>The rows, config by config in the order STaMP, A4, A8.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(ModelResult r) => r.Configs.SelectMany(c => c.Variants.Select(v => Row(r, c, v))).ToList();

    private static IReadOnlyList<string> Row(ModelResult r, ModelConfigResult c, VariantCost v)
    {
        int columns = Headers(r).Count;
        if (v.Infeasible is { } why)
            return [c.Config.Label, v.Variant.Display(), $"infeasible: {why}", .. Enumerable.Repeat("-", columns - 3)];
        var (a4, a8) = (c.Of(Variant.A4), c.Of(Variant.A8));
        string held = Writers.Display.Bytes(v.Footprint.TotalBytes);
        if (r.Architecture.Family.Decodes)
            return [c.Config.Label, v.Variant.Display(), Seconds(v.TtftSeconds), Seconds(v.TpotSeconds), Number(v.TokensPerSecond),
                Joules(v.PrefillEnergyPerTokenJ), Joules(v.DecodeEnergyPerTokenJ), Bytes(v.DramBytes), held,
                Ratio(v.TtftSeconds, a4.TtftSeconds), Ratio(v.TtftSeconds, a8.TtftSeconds), Ratio(v.TpotSeconds, a4.TpotSeconds), Ratio(v.TpotSeconds, a8.TpotSeconds)];
        return [c.Config.Label, v.Variant.Display(), Seconds(v.TtftSeconds), Number(v.TokensPerSecond), Joules(v.EnergyPerImageJ), Bytes(v.DramBytes), held,
            Ratio(v.TtftSeconds, a4.TtftSeconds), Ratio(v.TtftSeconds, a8.TtftSeconds), Ratio(v.EnergyPerImageJ, a4.EnergyPerImageJ), Ratio(v.EnergyPerImageJ, a8.EnergyPerImageJ)];
    }

    /// <summary>Seconds in s, ms or µs, three significant digits or more; "-" when null.</summary>
    public static string Seconds(double? s) => s switch
    {
        null => "-",
        >= 1 => F(s.Value) + " s",
        >= 1e-3 => F(s.Value * 1e3) + " ms",
        _ => F(s.Value * 1e6) + " µs",
    };

    /// <summary>Joules in J, mJ or µJ; "-" when null.</summary>
    public static string Joules(double? j) => j switch
    {
        null => "-",
        >= 1 => F(j.Value) + " J",
        >= 1e-3 => F(j.Value * 1e3) + " mJ",
        _ => F(j.Value * 1e6) + " µJ",
    };

    private static string Bytes(double? b) => b is double x ? Writers.Display.Bytes((long)Math.Round(x)) : "-";

    private static string Number(double? v) => v is double x ? F(x) : "-";

    private static string F(double v) => v.ToString(v >= 100 ? "0" : v >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);

    private static string Ratio(double? a, double? b) => a is double x && b is double y && y > 0 ? (x / y).ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
