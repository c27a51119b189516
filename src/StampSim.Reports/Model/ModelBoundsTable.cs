using System.Globalization;
using StampSim.Hardware;
using StampSim.ModelCost;

namespace StampSim.Reports.Model;

/// <summary>
/// What bounds each operator class: one row per config x phase x class, with each variant's time, the
/// bound of most of that time (<see cref="Bounds"/>) and the utilisation of the class's units.
/// </summary>
public static class ModelBoundsTable
{
    /// <summary>Column headers.</summary>
    public static readonly IReadOnlyList<string> Headers =
        ["config", "phase", "class", .. Variants.All.SelectMany(v => new[] { $"{v.Display()} (ms)", $"{v.Display()} bound", $"{v.Display()} util." })];

    /// <summary>Which columns are numbers (right-aligned).</summary>
    public static IReadOnlyList<bool> Numeric { get; } = [.. Headers.Select((h, i) => i > 2 && !h.EndsWith(" bound", StringComparison.Ordinal))];

    /// <summary>How the MAC array runs each phase of the configs, in words.</summary>
    public static string DataflowText(ModelResult r) => string.Join("; ", r.Configs.Select(c =>
        $"{c.Config.Label}: {c.Config.Config.MacArray.Dataflow.Description} ({c.Config.Config.MacArray.Dataflow.Name}) in prefill and decode"));

    /// <summary>The rows, in the order the phases list their classes.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(ModelResult r)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var c in r.Configs)
            foreach (var (phase, of) in new (string, Func<VariantCost, PhaseCost?>)[] { ("prefill", v => v.Prefill), ("decode", v => v.Decode) })
            {
                if (of(c.Variants[0]) is not { } first) continue;
                foreach (var cls in first.ByClass.Keys)
                {
                    var row = new List<string> { c.Config.Label, phase, Numerics.ConfigNames.Of(cls) };
                    foreach (var v in Variants.All)
                    {
                        // An infeasible variant carries no figures.
                        var k = c.Of(v).Infeasible is null ? of(c.Of(v))?.ByClass.GetValueOrDefault(cls) : null;
                        row.AddRange(k is null ? ["-", "-", "-"] :
                            [(k.Seconds * 1e3).ToString("0.###", CultureInfo.InvariantCulture), k.Bound, k.Utilization.ToString("0.0%", CultureInfo.InvariantCulture)]);
                    }
                    rows.Add(row);
                }
            }
        return rows;
    }
}
