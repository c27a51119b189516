using System.CommandLine;
using StampSim.Reports.Rtl;
using StampSim.Config;
using StampSim.Hardware;
using StampSim.Io;
using StampSim.Numerics;
using StampSim.Rtl.Synthesis;
using StampSim.Rtl;
using StampSim.Rtl.Systolic;
using StampSim.Reports.Writers;

namespace StampSim.Cli.Commands;

/// <summary>
/// <c>stampsim rtl synth</c>: Yosys cell and transistor counts of one PE column as int4, int8 and int8
/// two_pass, and their int8:int4 ratios next to the energy table's <c>mac_int8_token / mac_int4</c>; then the
/// whole array's PE and array (<see cref="ArraySynth"/>), flip-flops apart.
/// </summary>
internal static class RtlSynthCommand
{
    public static Command Create(CliConsole console)
    {
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var json = new Option<string?>("--json") { Description = "Write {int4, int8, int8_two_pass, array} with cells, transistors and flip-flops as JSON" };
        var cmd = new Command("synth", "Synthesise one PE column with Yosys (int4, int8, int8 two_pass) and compare the gate-count ratio with the energy table; then one PE and the whole array.")
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
            var (arrayDesign, noArray) = WholeArray(cfg);
            string dir = Path.Combine(Path.GetTempPath(), "stampsim-synth-" + Guid.NewGuid().ToString("N"));
            IReadOnlyList<SynthVariant> variants;
            ArrayArea? array = null;
            try
            {
                variants = YosysSynth.Run(design, Path.Combine(dir, "column"));
                WriteColumn(console.Out, cfg, design, variants);
                console.Out.WriteLine();
                // The column prints first: the whole array takes minutes.
                if (arrayDesign is null) console.Out.WriteLine($"rtl synth: the whole array is not synthesised: {noArray}");
                else
                {
                    array = ArraySynth.Run(arrayDesign, Path.Combine(dir, "array"));
                    WriteArray(console.Out, array);
                }
            }
            finally { try { Directory.Delete(dir, recursive: true); } catch (IOException) { } }

            if (jsonPath is not null)
            {
                outputs.AddText(jsonPath, SynthJson.Text(variants, array));
                outputs.Commit();
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>The config's whole array, or why it has none (not weight stationary, no accelerator section, ...).</summary>
    private static (ArrayDesign? Design, string? Reason) WholeArray(StampConfig cfg)
    {
        try { return (ArrayDesign.From(cfg), null); }
        catch (InputException e) { return (null, e.Message); }
    }

    private static void WriteColumn(TextWriter o, StampConfig cfg, RtlDesign design, IReadOnlyList<SynthVariant> variants)
    {
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
    }

    private static void WriteArray(TextWriter o, ArrayArea a)
    {
        var d = a.Design;
        o.WriteLine($"rtl synth: the whole array, {d.Column.Rows} x {d.Column.Cols} PEs, {(d.DoubleBuffered ? "double" : "single")}-buffered weights, " +
                    $"{d.Column.ActWidth}-bit activations, {d.Column.WeightWidth}-bit weights, {d.SumWidth}-bit partial sums");
        var table = new TextTable("part", ">cells", ">flip-flops", ">transistors");
        table.Add("PE (column 0, alone)", a.Pe.Cells.ToString(), a.Pe.FlipFlops.ToString(), a.Pe.Transistors.ToString());
        table.Add(a.Synthesised ? "array (synthesised)" : "array (estimate)", a.Array.Cells.ToString(), a.Array.FlipFlops.ToString(), a.Array.Transistors.ToString());
        table.Add("array / PEs", Ratio(a.Array.Cells, d.Pes), Ratio(a.Array.FlipFlops, d.Pes), Ratio(a.Array.Transistors, d.Pes));
        table.Write(o);
        o.WriteLine(a.Synthesised
            ? "  the array is synthesised whole (flattened): registers holding the same value in several PEs are merged, unread outputs dropped"
            : $"  the array has more than {ArraySynth.MaxSynthesisedPes} PEs: estimated as {d.Pes} x PE + {ArraySynth.SkewFlipFlops(d)} skew flip-flops, " +
              "an upper bound (synthesising it whole would merge the PEs' shared slot registers)");
    }

    private static string Ratio(double a, double b) => Display.Fixed(a / b, 2);
}
