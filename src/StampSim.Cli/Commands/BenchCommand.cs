using Spectre.Console;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using StampSim.Cli.Bench;
using StampSim.Config;
using StampSim.Gemm;
using StampSim.Hardware;
using StampSim.Io;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Quantization;
using StampSim.Tensors;

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
        var json = new Option<string?>("--json") { Description = "Write the measurements as JSON" };
        var cmd = new Command("bench", "Measure the golden layer, the GEMM against the int8 peak, the cost model, and NumPy's float32 GEMM of the same shape.")
        {
            shape, reps, config, threads, kernel, noNumpy, json,
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
            if (jsonPath is not null) OutputSet.RequireDirectory(jsonPath);
            var results = Measure(console, layer, repetitions, exec, cfg, hw, !p.GetValue(noNumpy));
            Print(console, layer, repetitions, exec, results);
            if (jsonPath is not null) AtomicFile.WriteAllText(jsonPath, results.ToJsonString(ConfigJson.Options) + "\n");
            return 0;
        });
        return cmd;
    }

    private static JsonObject Measure(CliConsole console, LayerShape shape, int reps, ExecutionOptions exec, StampConfig cfg, AcceleratorConfig hw, bool numpy)
    {
        int s = shape.Tokens, d = shape.Features, n = shape.Outputs;
        var numerics = new NumericsConfig();
        var inputs = RandomLayer(s, d, n);
        var engine = new StampLayer(numerics, cfg.MacArray.Rows, exec);
        void Note(string what) => console.Error.WriteLine($"bench: {what}");

        Note("golden layer");
        double layer = Timing.MedianSeconds(reps, () => engine.Run(inputs));

        long before = GC.GetTotalAllocatedBytes(precise: true);
        engine.Run(inputs);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        double ioBytes = 4.0 * ((double)s * d + (double)n * d + (double)s * n);
        double peakBytes = 4.0 * ((double)s * d + (double)n * d) + allocated;

        Note("integer GEMM");
        var transformed = (float[])inputs.X.Data.Clone();
        var qx = ActivationQuantizer.Quantize(transformed, s, d, numerics, exec);
        var qw = WeightQuantizer.Quantize(inputs.W.Data, n, d, numerics.WeightBits, d, exec);
        var mac = new MacArray(cfg.MacArray.Rows, numerics.Accumulator);
        var yt = new float[(long)s * n];
        GemmOutcome? outcome = null;
        double gemm = Timing.MedianSeconds(reps, () => outcome = IntegerGemm.Multiply(qx, qw, mac, exec, yt));
        double macs = shape.Macs;

        Note($"int8 peak ({ConfigNames.Of(outcome!.Kernel)})");
        double peak = Int8Peak.MacsPerSecond(outcome.Kernel, exec.Threads, TimeSpan.FromSeconds(0.4));

        Note("cost model");
        const int calls = 200;
        double cost = Timing.MedianSeconds(reps, () =>
        {
            for (int i = 0; i < calls; i++) CostModel.Evaluate(shape, numerics, cfg.MacArray, hw);
        }) / calls;

        (double? Seconds, string Detail) np = (null, "skipped (--no-numpy)");
        if (numpy)
        {
            Note("NumPy float32 GEMM");
            np = NumpyBaseline.Measure(s, d, n, reps);
        }

        return new JsonObject
        {
            ["shape"] = new JsonObject { ["s"] = s, ["d"] = d, ["n"] = n },
            ["threads"] = exec.Threads,
            ["repetitions"] = reps,
            ["kernel"] = ConfigNames.Of(outcome.Kernel),
            ["gemm_path"] = outcome.FastPath ? "fast" : "ordered",
            ["layer_seconds"] = layer,
            ["gemm_seconds"] = gemm,
            ["gemm_macs_per_second"] = macs / gemm,
            ["peak_macs_per_second"] = peak,
            ["gemm_fraction_of_peak"] = macs / gemm / peak,
            ["cost_model_seconds_per_call"] = cost,
            ["numpy_gemm_seconds"] = np.Seconds,
            ["numpy"] = np.Detail,
            ["layer_vs_numpy"] = np.Seconds is double t ? layer / t : null,
            ["allocated_bytes_per_layer"] = allocated,
            ["peak_memory_vs_io"] = peakBytes / ioBytes,
            ["process_peak_working_set_bytes"] = Process.GetCurrentProcess().PeakWorkingSet64,
        };
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
        t.AddRow("integer GEMM (+ packing, epilogue)", F("gemm_seconds", 1e3, "0.0"), "ms", "");
        t.AddRow("GEMM rate", F("gemm_macs_per_second", 1e-9, "0.0"), "GMAC/s", "");
        t.AddRow("int8 peak, same instructions", F("peak_macs_per_second", 1e-9, "0.0"), "GMAC/s", "");
        t.AddRow("GEMM / peak", F("gemm_fraction_of_peak", 100, "0.0"), "%", ">= 30 %");
        t.AddRow("cost model, one layer x config", F("cost_model_seconds_per_call", 1e6, "0.0"), "us", "< 50 us");
        t.AddRow("peak memory / float32 inputs+outputs", F("peak_memory_vs_io", 1, "0.00"), "x", "< 3");
        console.Ansi.Write(t);
    }

    private static LayerInputs RandomLayer(int s, int d, int n)
    {
        var rng = new Random(2510);
        var x = new Matrix<float>(s, d);
        var w = new Matrix<float>(n, d);
        // AR(1) activations along the sequence, the structure STaMP expects; Gaussian-like weights.
        for (int j = 0; j < d; j++)
        {
            float v = 0;
            for (int i = 0; i < s; i++)
            {
                v = 0.9f * v + (float)(rng.NextDouble() - 0.5);
                x[i, j] = v;
            }
        }
        for (int k = 0; k < w.Data.Length; k++) w.Data[k] = (float)((rng.NextDouble() - 0.5) / Math.Sqrt(d));
        return new LayerInputs(x, w, null);
    }
}
