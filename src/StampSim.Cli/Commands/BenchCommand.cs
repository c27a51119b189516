using Spectre.Console;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using StampSim.Config;
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
        var json = new Option<string?>("--json") { Description = "Write the measurements as JSON" };
        var cmd = new Command("bench", "Measure the golden layer, the GEMM against the int8 peak, the cost model, and NumPy's float32 GEMM of the same shape.")
        {
            shape, reps, config, threads, kernel, noNumpy, noProcess, json,
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
            var result = BenchRun.Measure(layer, repetitions, exec, cfg, hw, !p.GetValue(noNumpy), !p.GetValue(noProcess), what => console.Error.WriteLine($"bench: {what}"));
            var document = BenchJson.Build(result);
            Print(console, layer, repetitions, exec, document);
            if (jsonPath is not null)
            {
                outputs.AddText(jsonPath, document.ToJsonString(ConfigJson.Options) + "\n");
                outputs.Commit();
            }
            return 0;
        });
        return cmd;
    }

    private static void Print(CliConsole console, LayerShape shape, int reps, ExecutionOptions exec, JsonObject r)
    {
        string F(string key, double scale, string format) => r[key] is JsonValue v ? (v.GetValue<double>() * scale).ToString(format, CultureInfo.InvariantCulture) : "-";
        console.Out.WriteLine($"bench: {shape} on {exec.Threads} thread(s), kernel {r["kernel"]} ({r["gemm_path"]} path); medians of {reps} runs");
        var t = new Table().Border(TableBorder.Simple);
        t.AddColumn("measurement");
        t.AddColumn(new TableColumn("value").RightAligned());
        t.AddColumn("unit");
        t.AddColumn("target");
        t.AddRow("golden layer (default STaMP numerics)", F("layer_seconds", 1e3, "0.0"), "ms", "");
        t.AddRow("NumPy float32 GEMM, same shape", F("numpy_gemm_seconds", 1e3, "0.0"), "ms", Markup.Escape(r["numpy"]!.GetValue<string>()));
        t.AddRow("layer / NumPy", F("layer_vs_numpy", 1, "0.00"), "x", "<= 1");
        t.AddRow("`stampsim layer` process (wall)", F("layer_process_seconds", 1e3, "0.0"), "ms", Markup.Escape(r["layer_process"]!.GetValue<string>()));
        t.AddRow("layer process / NumPy", F("layer_process_vs_numpy", 1, "0.00"), "x", "<= 2");
        t.AddRow("metrics (float64 reference, act error, bound)", F("metrics_seconds", 1e3, "0.0"), "ms", "");
        t.AddRow("metrics / engine", F("metrics_vs_engine", 1, "0.00"), "x", "<= 0.5");
        t.AddRow("ordered emulation (tree 16, acc 20)", F("ordered_layer_seconds", 1e3, "0.0"), "ms", $"{r["ordered_overflow_events"]} overflow events");
        t.AddRow("ordered / fast path", F("ordered_vs_fast", 1, "0.00"), "x", "<= 2");
        t.AddRow("Llama-3-8B block, 7 layers (estimate by MACs)", F("llama3_8b_block_seconds_estimate", 1, "0.00"), "s", "<= 6 s (replay measures it)");
        t.AddRow("integer GEMM (+ packing, epilogue)", F("gemm_seconds", 1e3, "0.0"), "ms", "");
        t.AddRow("GEMM rate", F("gemm_macs_per_second", 1e-9, "0.0"), "GMAC/s", "");
        t.AddRow("int8 peak, same instructions", F("peak_macs_per_second", 1e-9, "0.0"), "GMAC/s", "");
        t.AddRow("GEMM / peak", F("gemm_fraction_of_peak", 100, "0.0"), "%", ">= 60 %");
        t.AddRow("GEMM / 512-bit vpdpbusd peak", F("gemm_fraction_of_512bit_vnni_peak", 100, "0.0"), "%", "the gap: taken as 2x the 256-bit vpdpbusd peak; .NET 10 has no 512-bit VNNI");
        t.AddRow("cost model, one layer x config", F("cost_model_seconds_per_call", 1e6, "0.0"), "us", "< 50 us");
        t.AddRow("peak memory / float32 inputs+outputs", F("peak_memory_vs_io", 1, "0.00"), "x", "< 3");
        console.Ansi.Write(t);
    }
}
