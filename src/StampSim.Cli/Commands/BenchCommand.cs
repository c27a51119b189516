using Spectre.Console;
using System.CommandLine;
using System.Globalization;
using StampSim.Config;
using StampSim.App.Bench;
using StampSim.Reports.Bench;
using StampSim.Reports.Schemas;
using StampSim.Hardware;
using StampSim.Io;
using StampSim.Numerics;

namespace StampSim.Cli.Commands;

/// <summary>
/// <c>stampsim bench</c>: one-run performance check of the engine against the machine's int8 peak
/// and against NumPy, with medians over repeated runs and the ratios the targets are stated in.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliConsole console)
    {
        var shape = new Option<string>("--shape") { Description = "Layer shape s,d,n", DefaultValueFactory = _ => "2048,4096,4096" };
        var reps = new Option<int>("--reps") { Description = "Timed repetitions per measurement (median reported)", DefaultValueFactory = _ => 5 };
        var config = CommonOptions.Config();
        var threads = CommonOptions.Threads();
        var kernel = CommonOptions.Kernel();
        var noNumpy = new Option<bool>("--no-numpy") { Description = "Skip the NumPy comparison" };
        var noProcess = new Option<bool>("--no-process") { Description = "Skip timing a whole `stampsim layer` child process" };
        var blockSweep = new Option<bool>("--block-sweep")
        {
            Description = "Also time a sweep of 8 numerics (hi_tokens x lo_bits) over a synthetic 1-block Llama-3-8B trace against one replay of it (slow: minutes; off by default)",
        };
        var onnxModel = new Option<string?>("--onnx-model") { Description = "Also time `eval onnx` of 20 sentences with this encoder (slow: about a minute; off by default)" };
        var onnxText = new Option<string?>("--onnx-text") { Description = "Text whose first sentences the --onnx-model row embeds" };
        var json = new Option<string?>("--json") { Description = "Write the measurements as JSON" };
        var cmd = new Command("bench", "Measure the golden layer, the GEMM against the int8 peak, the cost model, and NumPy's float32 GEMM of the same shape.")
        {
            shape, reps, config, threads, kernel, noNumpy, noProcess, blockSweep, onnxModel, onnxText, json,
        };
        cmd.SetAction(p =>
        {
            LayerShape layer;
            try { layer = LayerShape.Parse(p.GetValue(shape)!); }
            catch (FormatException e) { throw new InputException($"--shape: {e.Message}"); }
            int repetitions = p.GetValue(reps);
            if (repetitions < 1) throw new InputException($"--reps: must be at least 1, got {repetitions}");
            var exec = CommonOptions.Execution(p, threads, kernel);
            string? configPath = p.GetValue(config);
            var cfg = StampConfig.Load(configPath);
            var hw = CostCommand.RequireAccelerator(cfg, configPath);
            string? jsonPath = p.GetValue(json);
            using var outputs = new OutputSet([configPath]);
            if (jsonPath is not null) outputs.Reserve(jsonPath, "--json");
            string? model = p.GetValue(onnxModel), text = p.GetValue(onnxText);
            if (model is not null && text is null)
                throw new InputException("--onnx-text: required with --onnx-model (the text whose first sentences are embedded)");
            if (model is null && text is not null)
                throw new InputException("--onnx-text: only meaningful with --onnx-model");
            var selection = new BenchSelection(!p.GetValue(noNumpy), !p.GetValue(noProcess), p.GetValue(blockSweep), model, text, configPath);
            var result = BenchRun.Measure(layer, repetitions, exec, cfg, hw, selection, what => console.Error.WriteLine($"bench: {what}"));
            Print(console, layer, repetitions, exec, result);
            if (jsonPath is not null)
            {
                outputs.AddText(jsonPath, BenchJson.Text(result));
                outputs.Commit();
            }
            return 0;
        });
        return cmd;
    }

    private static void Print(CliConsole console, LayerShape shape, int reps, ExecutionOptions exec, BenchResult r)
    {
        static string F(double? value, double scale, string format) => value is double v ? (v * scale).ToString(format, CultureInfo.InvariantCulture) : "-";
        console.Out.WriteLine($"bench: {shape} on {exec.Threads} thread(s), kernel {ConfigNames.Of(r.Kernel)} ({(r.FastPath ? "fast" : "ordered")} path); medians of {reps} runs");
        var t = new Table().Border(TableBorder.Simple);
        t.AddColumn("measurement");
        t.AddColumn(new TableColumn("value").RightAligned());
        t.AddColumn("unit");
        t.AddColumn("target");
        t.AddRow("golden layer (default STaMP numerics)", F(r.LayerSeconds, 1e3, "0.0"), "ms", "");
        t.AddRow("NumPy float32 GEMM, same shape", F(r.NumpySeconds, 1e3, "0.0"), "ms", Markup.Escape(r.Numpy));
        t.AddRow("layer / NumPy", F(r.LayerVsNumpy, 1, "0.00"), "x", "<= 1");
        t.AddRow("`stampsim layer` process (wall)", F(r.LayerProcess.WallSeconds, 1e3, "0.0"), "ms", Markup.Escape(r.LayerProcess.Detail));
        t.AddRow("  its own engine + metrics (timing_seconds)", F(r.LayerProcess.OwnSeconds, 1e3, "0.0"), "ms", "");
        t.AddRow("  start-up, JIT, read .npy, write Y + JSON", F(r.LayerProcess.OverheadSeconds, 1e3, "0.0"), "ms", "");
        t.AddRow("layer process / its engine + metrics", F(r.LayerProcess.WallVsOwn, 1, "0.00"), "x", "<= 1.3");
        t.AddRow("layer process / NumPy", F(r.LayerProcessVsNumpy, 1, "0.00"), "x", "<= 2");
        t.AddRow("metrics (float64 reference, act error, bound)", F(r.MetricsSeconds, 1e3, "0.0"), "ms", "");
        t.AddRow("NumPy float64 GEMM, same shape", F(r.NumpyFloat64Seconds, 1e3, "0.0"), "ms", "");
        t.AddRow("metrics / NumPy float64 GEMM", F(r.MetricsVsNumpyFloat64, 1, "0.00"), "x", "<= 1.2");
        t.AddRow("metrics / engine", F(r.MetricsVsEngine, 1, "0.00"), "x", "<= 0.5");
        t.AddRow("ordered emulation (tree 16, acc 20)", F(r.OrderedLayerSeconds, 1e3, "0.0"), "ms", $"{r.OrderedEvents} overflow events");
        t.AddRow("ordered / fast path", F(r.OrderedVsFast, 1, "0.00"), "x", "<= 2");
        t.AddRow("Llama-3-8B block, 7 layers (estimate by MACs)", F(r.LlamaBlockSecondsEstimate, 1, "0.00"), "s", "<= 6 s (replay measures it)");
        t.AddRow($"{r.BlockSweep.Settings} numerics on one 8B block / one replay", F(r.BlockSweep.SweepVsReplay, 1, "0.00"), "x", "<= 3.8; " + Markup.Escape(r.BlockSweep.Detail));
        t.AddRow($"eval onnx, {r.OnnxEval.Sentences} sentences", F(r.OnnxEval.Seconds, 1, "0.0"), "s", "< 20 s; " + Markup.Escape(r.OnnxEval.Detail));
        t.AddRow("integer GEMM (+ packing, epilogue)", F(r.GemmSeconds, 1e3, "0.0"), "ms", "");
        t.AddRow("GEMM rate", F(r.GemmMacsPerSecond, 1e-9, "0.0"), "GMAC/s", "");
        t.AddRow("int8 peak, same instructions", F(r.PeakMacsPerSecond, 1e-9, "0.0"), "GMAC/s", "");
        t.AddRow("GEMM / peak", F(r.GemmFractionOfPeak, 100, "0.0"), "%", ">= 60 %");
        t.AddRow("GEMM / 512-bit vpdpbusd peak", F(r.GemmFractionOf512BitVnniPeak, 100, "0.0"), "%", "the gap: taken as 2x the 256-bit vpdpbusd peak; .NET 10 has no 512-bit VNNI");
        t.AddRow("cost model, one layer x config", F(r.CostModelSecondsPerCall, 1e6, "0.0"), "us", "< 50 us");
        t.AddRow("peak memory / float32 inputs+outputs", F(r.PeakMemoryVsIo, 1, "0.00"), "x", "< 3");
        console.Ansi.Write(t);
    }
}
