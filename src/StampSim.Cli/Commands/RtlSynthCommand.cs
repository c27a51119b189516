using System.CommandLine;
using StampSim.Reports.Rtl;
using StampSim.Config;
using StampSim.Hardware;
using StampSim.Io;
using StampSim.Numerics;
using StampSim.Rtl.Synthesis;
using StampSim.Rtl;
using StampSim.Reports.Writers;

namespace StampSim.Cli.Commands;

/// <summary>
/// <c>stampsim rtl synth</c>: Yosys cell and transistor counts of one PE column as int4, int8 and int8
/// two_pass, and their int8:int4 ratios next to the energy table's <c>mac_int8_token / mac_int4</c>.
/// </summary>
internal static class RtlSynthCommand
{
    public static Command Create(CliConsole console)
    {
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var json = new Option<string?>("--json") { Description = "Write {int4, int8, int8_two_pass} with cells and transistors as JSON" };
        var cmd = new Command("synth", "Synthesise one PE column with Yosys (int4, int8, int8 two_pass) and compare the gate-count ratio with the energy table.")
        {
            config, set, json,
        };
        cmd.SetAction(p =>
        {
            var cfg = StampConfig.Load(p.GetValue(config), p.GetValue(set) ?? []);
            var design = RtlDesign.From(cfg);
            string? jsonPath = p.GetValue(json);
            using var outputs = new OutputSet([p.GetValue(config)]);
            if (jsonPath is not null) outputs.Reserve(jsonPath, "--json");
            string dir = Path.Combine(Path.GetTempPath(), "stampsim-synth-" + Guid.NewGuid().ToString("N"));
            IReadOnlyList<SynthVariant> variants;
            try { variants = YosysSynth.Run(design, dir); }
            finally { try { Directory.Delete(dir, recursive: true); } catch (IOException) { } }

            var o = console.Out;
            o.WriteLine($"rtl synth: one PE column, rows {design.Rows}, {design.WeightWidth}-bit weights, tree {design.TreeBits} bit, acc {design.AccBits} bit, " +
                        $"{ConfigNames.Of(design.Overflow)} (Yosys generic gates; transistors exclude flip-flops)");
            var table = new TextTable("variant", ">cells", ">flip-flops", ">transistors", ">passes per 8-bit token");
            foreach (var v in variants)
                table.Add(v.Key, v.Cells.ToString(), v.FlipFlops.ToString(), v.Transistors.ToString(), v.PassesPerWideToken?.ToString() ?? "none (4-bit only)");
            table.Write(o);
            var int4 = variants.Single(v => v.Key == "int4");
            foreach (var v in variants.Where(v => v != int4))
                o.WriteLine($"  {v.Key}:int4  cells {Ratio(v.Cells, int4.Cells)}, transistors {Ratio(v.Transistors, int4.Transistors)}, " +
                            $"transistors x passes per 8-bit token {Ratio(v.Transistors * (v.PassesPerWideToken ?? 1), int4.Transistors)}");
            if (cfg.Accelerator?.Energy is { } energy)
                o.WriteLine($"  energy table mac_int8_token / mac_int4 = {Ratio(energy[new(ActionKind.MacInt8Token)], energy[new(ActionKind.MacInt4)])} " +
                            "(pJ per MAC; gate counts are area, not energy: activity, wiring and clocking are not in them)");

            if (jsonPath is not null)
            {
                outputs.AddText(jsonPath, SynthJson.Text(variants));
                outputs.Commit();
            }
            return 0;
        });
        return cmd;
    }

    private static string Ratio(double a, double b) => Display.Fixed(a / b, 2);
}
