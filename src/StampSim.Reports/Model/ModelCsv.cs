using System.Text;
using StampSim.Numerics;
using StampSim.Reports.Writers;
using StampSim.Hardware;

namespace StampSim.Reports.Model;

/// <summary><c>model.csv</c>: one row per config x feasible variant x phase x operator class (seconds, joules, DRAM bytes, what bounds it, its units' utilisation).</summary>
public static class ModelCsv
{
    /// <summary>The column names, in order.</summary>
    public static readonly IReadOnlyList<string> Columns = ["config", "variant", "phase", "class", "seconds", "energy_j", "dram_bytes", "bound", "utilization"];

    /// <summary>The whole file.</summary>
    public static string Build(ModelResult r)
    {
        var sb = new StringBuilder(CsvText.Line(Columns));
        foreach (var c in r.Configs)
            foreach (var v in c.Variants.Where(v => v.Infeasible is null)) // an infeasible variant carries no figures
                foreach (var (phase, cost) in new[] { ("prefill", v.Prefill), ("decode", v.Decode) })
                    if (cost is not null)
                        foreach (var (cls, k) in cost.ByClass)
                            sb.Append(CsvText.Line([c.Config.Label, v.Variant.Key(), phase, ConfigNames.Of(cls),
                                CsvText.Number(k.Seconds), CsvText.Number(k.EnergyJ), CsvText.Number(k.DramBytes), k.Bound, CsvText.Number(k.Utilization)]));
        return sb.ToString();
    }
}
