using Spectre.Console;
using System.Globalization;
using StampSim.Config;
using StampSim.Hardware;
using StampSim.Numerics;

namespace StampSim.Cli.Commands;

/// <summary>The readable STaMP vs A4 vs A8 cost table printed by <c>cost</c> and <c>layer --config</c>.</summary>
internal static class CostTable
{
    public static void Print(CliConsole console, StampConfig config, LayerShape shape, CostComparison c)
    {
        var hw = config.Accelerator!;
        var mac = config.MacArray;
        console.Out.WriteLine($"accelerator {config.Name}: {mac.Rows}x{mac.Cols} {ConfigNames.Of(mac.Multiplier)} array, {mac.Dataflow.Name}, " +
                              $"8-bit tokens {ConfigNames.Of(mac.EightBitMode)}, {hw.ClockGhz.ToString("0.###", CultureInfo.InvariantCulture)} GHz, " +
                              $"DRAM {(hw.Dram.Bandwidth / 1e9).ToString("0.##", CultureInfo.InvariantCulture)} GB/s, cycle model {hw.CycleModel}");
        console.Out.WriteLine($"layer {shape}; energy table {hw.Energy.Hash}");
        foreach (var (label, r) in c.All)
            if (!r.Feasible)
                console.Out.WriteLine($"{label}: infeasible: {r.InfeasibleReason}");
        if (c.All.Any(x => !x.Result.Feasible)) return;

        var baselines = Variants.All.Where(v => v != Variant.Stamp).ToList();
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("");
        foreach (var v in Variants.All) table.AddColumn(new TableColumn(v.Display()).RightAligned());
        foreach (var v in baselines) table.AddColumn(new TableColumn($"{Variant.Stamp.Display()}/{v.Display()}").RightAligned());
        void Row(string name, Func<CostResult, double> f, string format)
        {
            double s = f(c.Stamp);
            table.AddRow([Markup.Escape(name), .. Variants.All.Select(v => Fmt(f(c.Of(v)), format)), .. baselines.Select(v => Ratio(s, f(c.Of(v))))]);
        }
        Row("cycles", r => r.TotalCycles, "N0");
        // A stage one variant lacks (the A4 baseline has no 8-bit GEMM) shows 0 there.
        foreach (var stage in CostStages.All(c.All.Select(x => x.Result)))
            Row($"  {stage}", r => r.CyclesByStage.GetValueOrDefault(stage), "N0");
        Row("time (us)", r => r.Seconds * 1e6, "N1");
        Row("utilization", r => r.Utilization, "P1");
        Row("DRAM read (bytes)", r => r.DramReadBytes, "N0");
        Row("DRAM write (bytes)", r => r.DramWriteBytes, "N0");
        Row("energy (uJ)", r => r.EnergyPj / 1e6, "N3");
        foreach (var component in c.Stamp.EnergyByComponentPj.Keys)
            Row($"  {ConfigNames.Of(component)} (uJ)", r => r.EnergyByComponentPj[component] / 1e6, "N3");
        Row("fJ per MAC", r => r.FemtojoulesPerMac, "N1");
        console.Ansi.Write(table);
        foreach (var (label, r) in c.All)
            console.Out.WriteLine($"mapping {label,-5} {r.Mapping}");
    }

    private static string Fmt(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    private static string Ratio(double a, double b) => b == 0 ? (a == 0 ? "1.00" : "-") : (a / b).ToString("0.00", CultureInfo.InvariantCulture);
}
