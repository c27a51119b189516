using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using StampSim.Config;
using StampSim.Evaluation;
using StampSim.Gpu.Crosscheck;
using StampSim.Gpu.Pipeline;
using StampSim.Gpu.Runtime;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Traces.Npy;

namespace StampSim.Cli.Commands;

/// <summary>
/// <c>stampsim crosscheck</c>: runs the golden engine and either the ILGPU kernels or a user's own
/// kernel dumps (<c>--external ...</c>) on the same layer and compares every stage bit for bit.
/// Exit 0 when everything matches, 1 on any mismatch, 2 on bad input.
/// </summary>
internal static class CrosscheckCommand
{
    public static Command Create(CliConsole console)
    {
        var trace = new Option<string?>("--trace") { Description = "Trace file whose layers to check (instead of --x/--weight)" };
        var layers = new Option<string?>("--layers") { Description = "With --trace: comma-separated globs on layer names or kinds (default: every layer)" };
        var x = new Option<string?>("--x") { Description = "Activations X (s, d) as .npy" };
        var weight = new Option<string?>("--weight") { Description = "Weights W (n, d) as .npy, PyTorch nn.Linear layout" };
        var bias = new Option<string?>("--bias") { Description = "Bias b (n) as .npy" };
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var accelerator = new Option<string>("--accelerator")
        {
            Description = "Where the ILGPU kernels run: auto (CUDA when found, else CPU), cuda, cpu",
            DefaultValueFactory = _ => "auto",
        };
        var external = new Option<string?>("--external") { Description = "Compare your kernel's output Y (s, n) with the golden prediction instead of running the ILGPU kernels" };
        var externalCodes = new Option<string?>("--external-codes") { Description = "Your signed activation codes (s, d), any integer dtype" };
        var externalAcc = new Option<string?>("--external-acc") { Description = "Your accumulators (s, groups, n), or (s, n) without groups, any integer dtype" };
        var externalTransformed = new Option<string?>("--external-transformed") { Description = "Your transformed activations (s, d) as float32" };
        var externalYt = new Option<string?>("--external-yt") { Description = "Your epilogue output before the inverse transform (s, n) as float32" };
        var gemmRepeats = new Option<int>("--time-gemm")
        {
            Description = "Also launch the GEMM kernel N more times and report its time per launch (for comparing with other int8 GEMMs)",
            DefaultValueFactory = _ => 0,
        };
        var cmd = new Command("crosscheck", "Compare the ILGPU kernels (or your own kernel's dumps) with the golden engine, stage by stage, bit for bit.")
        {
            trace, layers, x, weight, bias, config, set, accelerator, gemmRepeats, external, externalCodes, externalAcc, externalTransformed, externalYt,
        };
        cmd.SetAction(p =>
        {
            var cfg = StampConfig.Load(p.GetValue(config), p.GetValue(set) ?? []);
            string kindText = p.GetValue(accelerator) ?? "auto";
            if (!ConfigNames.TryParse<AcceleratorKind>(kindText, out var kind))
                throw new InputException($"--accelerator: unknown accelerator '{kindText}' (expected one of: {string.Join(", ", ConfigNames.All<AcceleratorKind>())})");
            int repeats = p.GetValue(gemmRepeats);
            if (repeats < 0) throw new InputException($"--time-gemm: must be 0 or positive, got {repeats}");
            var outputs = ReadExternal(console, p.GetValue(external), p.GetValue(externalCodes), p.GetValue(externalAcc), p.GetValue(externalTransformed), p.GetValue(externalYt));
            if (!outputs.IsEmpty)
            {
                // The ILGPU kernels do not run in this mode; options that only affect them would be silently ignored.
                if (p.GetResult(accelerator) is { Implicit: false })
                    throw new InputException("--accelerator: not used with --external (only the golden engine runs)");
                if (repeats > 0)
                    throw new InputException("--time-gemm: not used with --external (only the golden engine runs)");
            }
            var (selected, openTrace) = Layers(console, p.GetValue(trace), p.GetValue(layers), p.GetValue(x), p.GetValue(weight), p.GetValue(bias), cfg);
            using var traceLifetime = openTrace;
            if (!outputs.IsEmpty)
            {
                if (selected.Count != 1)
                    throw new InputException($"--layers: --external compares one layer; the selection has {selected.Count}");
                return CheckExternal(console, selected[0].Inputs(), selected[0].Config, outputs) ? 0 : 1;
            }
            using var device = GpuDevice.Open(kind, console.Out);
            console.Out.WriteLine($"accelerator  {device.Description}");
            if (device.FallbackReason is not null)
                console.Out.WriteLine($"             (auto fell back to the CPU accelerator: {device.FallbackReason})");
            int failed = 0;
            foreach (var layer in selected)
                if (!CheckLayer(console, layer.Inputs(), layer.Config, device, repeats)) failed++;
            if (selected.Count > 1)
                console.Out.WriteLine($"summary      {selected.Count - failed} of {selected.Count} layers match bit for bit");
            return failed == 0 ? 0 : 1;
        });
        return cmd;
    }

    /// <summary>
    /// Cross-checks one layer on <paramref name="device"/> and prints its table; true when every stage
    /// matches. Takes plain <see cref="LayerInputs"/> so layers read from a trace can be checked the same way.
    /// </summary>
    internal static bool CheckLayer(CliConsole console, LayerInputs inputs, StampConfig cfg, GpuDevice device, int gemmRepeats = 0)
    {
        var clock = Stopwatch.StartNew();
        var golden = Golden(inputs, cfg);
        double goldenSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var gpu = new GpuLayer(device, cfg.Numerics, cfg.MacArray.Rows).Run(inputs, gemmRepeats);
        double gpuSeconds = clock.Elapsed.TotalSeconds;
        PrintHeader(console.Out, inputs, golden);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"time         golden {goldenSeconds:0.000} s, kernels {gpuSeconds:0.000} s (with transfers); gemm {(gpu.WholeGroupGemm ? "whole groups (overflow impossible)" : "chunked")}, " +
            $"{golden.Gemm.Events.Total} range events"));
        if (gpu.GemmTiming is { } t)
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gemm kernel  {t.SecondsPerLaunch * 1e3:0.###} ms per launch over {t.Launches} launches, {t.OpsPerSecond / 1e9:0.###} GOPS (2·s·d·n / time)"));
        var stages = LayerComparison.Compare(inputs, golden, gpu);
        CrosscheckReport.Print(console.Out, stages, histogram: false);
        return stages.All(s => s.Matches);
    }

    private static bool CheckExternal(CliConsole console, LayerInputs inputs, StampConfig cfg, ExternalOutputs outputs)
    {
        var golden = Golden(inputs, cfg);
        var stages = ExternalComparison.Compare(inputs, golden, outputs);
        PrintHeader(console.Out, inputs, golden);
        console.Out.WriteLine("compared     your kernel's dumps with the golden prediction (no ILGPU kernels run)");
        CrosscheckReport.Print(console.Out, stages, histogram: true);
        return stages.All(s => s.Matches);
    }

    /// <summary>The golden layer with its intermediates, through the one layer evaluator.</summary>
    private static LayerResult Golden(LayerInputs inputs, StampConfig cfg) =>
        new LayerEvaluator(ExecutionOptions.Default).RunNumerics(new LayerSubject(inputs.Name), inputs, cfg.Golden, keepIntermediates: true).Result;

    /// <summary>A layer to check: its inputs (read when needed) and the config it runs under.</summary>
    private sealed record Selected(Func<LayerInputs> Inputs, StampConfig Config);

    private static (IReadOnlyList<Selected> Layers, IDisposable? Trace) Layers(CliConsole console, string? tracePath, string? patterns, string? x, string? w, string? b, StampConfig cfg)
    {
        if (tracePath is null)
        {
            if (patterns is not null) throw new InputException("--layers: only with --trace");
            if (x is null || w is null) throw new InputException("--x: give --x and --weight, or --trace");
            return ([new Selected(() => LayerCommand.Load(console, x, w, b), cfg)], null);
        }
        if (x is not null || w is not null || b is not null)
            throw new InputException("--trace: give either --trace or --x/--weight/--bias, not both");
        var trace = Traces.TraceFile.Open(tracePath, warn: console.Warn);
        try
        {
            var chosen = Traces.LayerSelection.Select(trace.Manifest, patterns, tracePath);
            // Layers are read one at a time while checking; the caller disposes the trace afterwards.
            return (chosen.Select(l => new Selected(() => trace.Load(l), cfg with { Numerics = l.NumericsFor(cfg.Numerics) })).ToArray(), trace);
        }
        catch
        {
            trace.Dispose();
            throw;
        }
    }

    private static void PrintHeader(TextWriter o, LayerInputs inputs, LayerResult golden) =>
        o.WriteLine($"layer        {inputs.Name}: s={inputs.Tokens} d={inputs.Features} n={inputs.Outputs}; {golden.Transform.Description}, " +
                    $"{golden.Activations.Groups} group(s) per token");

    private static ExternalOutputs ReadExternal(CliConsole console, string? y, string? codes, string? acc, string? transformed, string? yt) =>
        new(Floats(console, y), Integers(codes), Integers(acc), Floats(console, transformed), Floats(console, yt));

    private static ExternalTensor<float>? Floats(CliConsole console, string? path)
    {
        if (path is null) return null;
        var t = NpyFile.ReadFloat32(path);
        if (t.SourceType != Traces.ElementType.Float32)
            console.Warn($"{path}: {t.SourceType} values are compared after conversion to float32 ({t.RoundedValues} changed)");
        return new ExternalTensor<float>(path, t.Shape, t.Data);
    }

    private static ExternalTensor<long>? Integers(string? path)
    {
        if (path is null) return null;
        var (shape, data) = NpyFile.ReadInt64(path);
        return new ExternalTensor<long>(path, shape, data);
    }
}
