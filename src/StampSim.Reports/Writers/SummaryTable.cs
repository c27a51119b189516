using StampSim.Evaluation;
using StampSim.Hardware;
using StampSim.Numerics;
using StampSim.Reports.Run;

namespace StampSim.Reports.Writers;

/// <summary>
/// The compact tables of a run: per layer and in total, STaMP's cycles, DRAM bytes and energy with
/// their ratios to A4 and A8, and the output SQNR of all three. Printed by <c>stampsim run</c> and
/// embedded in report.md.
/// </summary>
public static class SummaryTable
{
    /// <summary>What the ratio columns mean, for a line above the table.</summary>
    public const string Legend =
        "cycles, DRAM bytes and energy are STaMP's; /A4 and /A8 divide them by the uniform 4-bit and 8-bit baselines (below 1: STaMP costs less); SQNR is the output SQNR in dB (total: mean over layers)";

    /// <summary>Per-layer rows and a total row for the config <paramref name="label"/>.</summary>
    public static TextTableData PerLayer(RunResult run, string label)
    {
        string[] headers = ["layer", "cycles", "/A4", "/A8", "DRAM bytes", "/A4", "/A8", "energy uJ", "/A4", "/A8", "SQNR STaMP", "A4", "A8"];
        var right = headers.Select((_, i) => i > 0).ToArray();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var layer in run.Layers)
        {
            var o = layer.On(label);
            rows.Add([layer.Layer.Name, .. CostCells(o.Cost), .. Variants.All.Select(v => Display.Db(o.Result(v).Metrics.SqnrDb))]);
        }
        var t = run.Totals.First(x => x.Label == label);
        rows.Add([t.Complete ? "total" : "total (feasible layers only)",
            Display.Count(t.Stamp.Cycles), Display.Ratio(t.Ratio(x => x.Cycles, Variant.A4)), Display.Ratio(t.Ratio(x => x.Cycles, Variant.A8)),
            Display.Count(t.Stamp.DramBytes), Display.Ratio(t.Ratio(x => x.DramBytes, Variant.A4)), Display.Ratio(t.Ratio(x => x.DramBytes, Variant.A8)),
            Display.Microjoules(t.Stamp.EnergyPj), Display.Ratio(t.Ratio(x => x.EnergyPj, Variant.A4)), Display.Ratio(t.Ratio(x => x.EnergyPj, Variant.A8)),
            .. Variants.All.Select(v => Display.Db(t.ByVariant[v].SqnrDbMean))]);
        return new TextTableData(headers, right, rows);
    }

    /// <summary>
    /// A note for under the per-layer table when STaMP, A4 and A8 move exactly the same DRAM bytes on every
    /// feasible layer of config <paramref name="label"/>; null when any layer differs (or none is feasible).
    /// </summary>
    public static string? DramNote(RunResult run, string label)
    {
        var costs = run.Layers.Select(l => l.On(label).Cost).Where(c => c.All.All(x => x.Result.Feasible)).ToList();
        static double Bytes(CostResult r) => r.DramReadBytes + r.DramWriteBytes;
        if (costs.Count == 0 || costs.Any(c => Bytes(c.Stamp) != Bytes(c.A4) || Bytes(c.Stamp) != Bytes(c.A8))) return null;
        string io = ConfigNames.Of(run.Configs.First(c => c.Label == label).Accelerator.IoFormat);
        return $"DRAM bytes are the same for STaMP, A4 and A8 on every {(costs.Count < run.Layers.Count ? "feasible " : "")}layer: X and Y live in DRAM as {io} " +
               "and the quantized activations never leave the chip, so the activation precision does not change DRAM traffic (the DRAM ratios are all 1)";
    }

    /// <summary>The totals of one config: one row per metric, columns STaMP, A4, A8 and STaMP's ratios (or dB differences).</summary>
    public static TextTableData Totals(ConfigTotals t)
    {
        string[] headers = ["", "STaMP", "A4", "A8", "STaMP/A4", "STaMP/A8"];
        var rows = new List<IReadOnlyList<string>>();
        void Ratio(string name, Func<VariantTotals, double> metric, Func<double, string> format) =>
            rows.Add([name, .. Variants.All.Select(v => format(metric(t.ByVariant[v]))),
                Display.Ratio(t.Ratio(metric, Variant.A4)), Display.Ratio(t.Ratio(metric, Variant.A8))]);
        void Difference(string name, Func<VariantTotals, double> metric, Func<double, string> format) =>
            rows.Add([name, .. Variants.All.Select(v => format(metric(t.ByVariant[v]))),
                Display.Delta(metric(t.Stamp) - metric(t.ByVariant[Variant.A4])), Display.Delta(metric(t.Stamp) - metric(t.ByVariant[Variant.A8]))]);
        Ratio("cycles", x => x.Cycles, Display.Count);
        Ratio("time (us)", x => x.Seconds * 1e6, v => Display.Fixed(v, 1));
        Ratio("DRAM read (bytes)", x => x.DramReadBytes, Display.Count);
        Ratio("DRAM write (bytes)", x => x.DramWriteBytes, Display.Count);
        Ratio("energy (uJ)", x => x.EnergyPj, Display.Microjoules);
        foreach (var component in t.Stamp.EnergyByComponentPj.Keys)
            Ratio($"  {ConfigNames.Of(component)} (uJ)", x => x.EnergyByComponentPj.GetValueOrDefault(component), Display.Microjoules);
        Ratio("fJ per MAC", x => x.FemtojoulesPerMac, v => Display.Fixed(v, 1));
        Difference("SQNR, mean over layers (dB)", x => x.SqnrDbMean, Display.Db);
        Difference("SQNR, pooled (dB)", x => x.SqnrDbPooled, Display.Db);
        Difference("payload bits per element", x => x.PayloadBits, v => Display.Fixed(v, 3));
        return new TextTableData(headers, headers.Select((_, i) => i > 0).ToArray(), rows);
    }

    private static IEnumerable<string> CostCells(CostComparison c)
    {
        if (c.All.Any(x => !x.Result.Feasible))
            return Enumerable.Repeat("infeasible", 9);
        static double Bytes(CostResult r) => r.DramReadBytes + r.DramWriteBytes;
        return
        [
            Display.Count(c.Stamp.TotalCycles), Display.Ratio((double)c.Stamp.TotalCycles / c.A4.TotalCycles), Display.Ratio((double)c.Stamp.TotalCycles / c.A8.TotalCycles),
            Display.Count(Bytes(c.Stamp)), Display.Ratio(Bytes(c.Stamp) / Bytes(c.A4)), Display.Ratio(Bytes(c.Stamp) / Bytes(c.A8)),
            Display.Microjoules(c.Stamp.EnergyPj), Display.Ratio(c.Stamp.EnergyPj / c.A4.EnergyPj), Display.Ratio(c.Stamp.EnergyPj / c.A8.EnergyPj),
        ];
    }
}
