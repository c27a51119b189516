using System.CommandLine;
using System.Globalization;
using StampSim.App.Rtl;
using StampSim.Config;
using StampSim.Hardware;
using StampSim.Io;
using StampSim.Numerics;
using StampSim.Reports.Rtl;
using StampSim.Reports.Writers;

namespace StampSim.Cli.Commands;

/// <summary>
/// <c>stampsim rtl cycles</c>: one GEMM through the RTL of the whole array in Verilator, its outputs checked
/// against the golden integer GEMM and its cycles set beside the cost model's. Exit 1 on a mismatch or a
/// cycle difference above <c>--tolerance</c>.
/// </summary>
internal static class RtlCyclesCommand
{
    public static Command Create(CliConsole console)
    {
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var gemm = new Option<string>("--gemm") { Description = "The GEMM M,K,N (tokens, reduction, outputs), e.g. 8,40,48", Required = true };
        var mapping = new Option<string?>("--mapping") { Description = "Evaluate this mapping instead of the search's: LOOP_ORDER,TILE_TOKENS,TILE_OUTPUTS (e.g. activations_outer,64,32)" };
        var seed = new Option<int>("--seed") { Description = "Seed of the random layer whose codes are run", DefaultValueFactory = _ => 1 };
        var tolerance = new Option<double>("--tolerance") { Description = "Largest accepted |model - RTL| / RTL cycles, in percent", DefaultValueFactory = _ => 2.0 };
        var json = new Option<string?>("--json") { Description = "Write the comparison as JSON" };
        var keep = new Option<string?>("--keep") { Description = "Keep the emitted RTL, memory images and simulator build in this new directory" };
        var threads = CommonOptions.Threads();
        var kernel = CommonOptions.Kernel();
        var cmd = new Command("cycles", "Run one GEMM on the RTL of the whole array and compare its cycles with the cost model's (exit 1 on a mismatch or a difference above --tolerance).")
        {
            config, set, gemm, mapping, seed, tolerance, json, keep, threads, kernel,
        };
        cmd.SetAction(p =>
        {
            string? path = p.GetValue(config);
            var cfg = StampConfig.Load(path, p.GetValue(set) ?? []);
            CostCommand.RequireAccelerator(cfg, path);
            LayerShape shape;
            try { shape = LayerShape.Parse(p.GetValue(gemm)!); }
            catch (FormatException e) { throw new InputException($"--gemm: {e.Message}"); }
            var given = p.GetValue(mapping) is { } m ? ParseMapping(m) : null;
            double tol = p.GetValue(tolerance);
            if (!(tol >= 0) || double.IsInfinity(tol)) throw new InputException($"--tolerance: must be a non-negative percentage, got {tol.ToString(CultureInfo.InvariantCulture)}");
            string? jsonPath = p.GetValue(json);
            string? keepDir = p.GetValue(keep);
            using var outputs = new OutputSet([path]);
            if (jsonPath is not null) outputs.Reserve(jsonPath, "--json");
            if (keepDir is not null && (File.Exists(keepDir) || (Directory.Exists(keepDir) && Directory.EnumerateFileSystemEntries(keepDir).Any())))
                throw new InputException($"--keep: {keepDir}: exists and is not an empty directory");

            string dir = keepDir ?? Path.Combine(Path.GetTempPath(), "stampsim-cycles-" + Guid.NewGuid().ToString("N"));
            try
            {
                var c = CycleCheckRun.Run(cfg, shape, p.GetValue(seed), given, tol / 100, path ?? $"the embedded {StampConfig.DefaultResource}", dir,
                    CommonOptions.Execution(p, threads, kernel));
                var o = console.Out;
                o.WriteLine($"rtl cycles: {cfg.Name}, GEMM {shape.Tokens}x{shape.Features}x{shape.Outputs} (M x K x N) on a {c.Design.Column.Rows}x{c.Design.Column.Cols} " +
                            $"weight-stationary array, {RtlCommand.Describe(c.Design.Column)}; weights {(c.Design.DoubleBuffered ? "double" : "single")} buffered, " +
                            $"{c.Design.LoadCodesPerCycle} codes/cycle; {c.HiTokens} high-precision tokens; mapping Tm={c.Mapping.TileTokens} Tn={c.Mapping.TileOutputs}; {c.Folds} folds");
                var table = new TextTable("", ">stream hi", ">stream lo", ">fill/drain", ">weight load", ">total");
                table.Add("RTL (verilator)", c.Rtl.HiStream.ToString(CultureInfo.InvariantCulture), c.Rtl.LoStream.ToString(CultureInfo.InvariantCulture),
                    c.Rtl.FillDrain.ToString(CultureInfo.InvariantCulture), (c.Rtl.Stall + c.Rtl.LoadWait).ToString(CultureInfo.InvariantCulture), c.Rtl.Cycles.ToString(CultureInfo.InvariantCulture));
                table.Add("cost model", c.Model.HiStream.ToString(CultureInfo.InvariantCulture), c.Model.LoStream.ToString(CultureInfo.InvariantCulture),
                    c.Model.FillDrain.ToString(CultureInfo.InvariantCulture), c.Model.WeightLoad.ToString(CultureInfo.InvariantCulture), c.Model.Total.ToString(CultureInfo.InvariantCulture));
                table.Write(o);
                o.WriteLine($"outputs: {c.Rtl.Checked} accumulators and 2 event counts, {c.Rtl.Mismatches} mismatches{(c.Rtl.FirstMismatch is { } f ? "; first: " + f : "")}");
                o.WriteLine($"cycles: model {(c.Difference >= 0 ? "+" : "")}{Display.Fixed(100 * c.Difference, 2)}% against RTL (tolerance {Display.Fixed(tol, 2)}%): {(c.Passed ? "PASS" : "FAIL")} " +
                            $"(build {Display.Fixed(c.Rtl.CompileSeconds, 1)} s, simulate {Display.Fixed(c.Rtl.SimulateSeconds, 2)} s)");
                if (jsonPath is not null)
                {
                    outputs.AddText(jsonPath, CyclesJson.Text(c));
                    outputs.Commit();
                }
                return c.Passed ? 0 : 1;
            }
            finally
            {
                if (keepDir is null)
                    try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        });
        return cmd;
    }

    private static GivenMapping ParseMapping(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !ConfigNames.TryParse(parts[0], out LoopOrder order)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int tm) || tm < 1
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int tn) || tn < 1)
            throw new InputException($"--mapping: expected LOOP_ORDER,TILE_TOKENS,TILE_OUTPUTS with LOOP_ORDER one of {string.Join(", ", ConfigNames.All<LoopOrder>())} " +
                                     $"and positive tiles, got '{text}'");
        return new GivenMapping(order, tm, tn);
    }
}
