using System.CommandLine;
using System.Globalization;
using StampSim.App.Crosscheck;
using StampSim.Config;
using StampSim.Gpu.Crosscheck;
using StampSim.Gpu.Runtime;
using StampSim.Io;
using StampSim.Reports.Crosscheck;
using StampSim.Reports.Folder;
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
        var externals = ExternalStages.All.ToDictionary(st => st.Name, ExternalOption);
        var externalDir = new Option<string?>("--external-dir") { Description = "Folder of your kernel's dumps NAME.npy under the stage names (any subset; see docs/gpu-kernels.md): " + string.Join(", ", ExternalStages.All.Select(st => st.Name)) };
        var json = new Option<string?>("--json") { Description = "With --external...: write the full verdict (every stage, mismatches, affected indices, first_failing_stage) as JSON" };
        var dump = new Option<string?>("--dump") { Description = "Write the layer's inputs and every golden stage as .npy under the names --external-dir reads, with stages.json and a manifest (new or empty folder; an earlier dump with --force)" };
        var adversarial = new Option<string?>("--adversarial") { Description = "Instead of --x/--weight: a layer S,D,N built to expose kernel bugs under the config (exact quantizer ties, accumulators far past 2^15, min = max rows, negative zeros, tiny and huge weight scales); with --dump its x/w/b are written" };
        var seed = new Option<ulong>("--seed") { Description = "With --adversarial: the seed (the same seed gives the same layer)", DefaultValueFactory = _ => 1 };
        var tolerance = new Option<string?>("--tolerance") { Description = "With --external...: ulp:N lets a float stage be up to N ulps from the stage recomputed from your kernel's own inputs (a legal FMA epilogue), reported apart from exact; integer stages stay exact" };
        var force = new Option<bool>("--force") { Description = "With --dump: replace an earlier, unedited dump folder" };
        var gemmRepeats = new Option<int>("--time-gemm")
        {
            Description = "Also launch the GEMM kernel N more times and report its time per launch (for comparing with other int8 GEMMs)",
            DefaultValueFactory = _ => 0,
        };
        var cmd = new Command("crosscheck", "Compare the ILGPU kernels (or your own kernel's dumps) with the golden engine, stage by stage, bit for bit. " +
            "Exit codes: 0 every compared stage matches, 1 any mismatch, 2 bad input.")
        {
            trace, layers, x, weight, bias, config, set, accelerator, gemmRepeats, externalDir, json, tolerance, dump, force, adversarial, seed,
        };
        foreach (var option in externals.Values) cmd.Options.Add(option);
        cmd.SetAction(p =>
        {
            var cfg = StampConfig.Load(p.GetValue(config), p.GetValue(set) ?? []);
            string kindText = p.GetValue(accelerator) ?? "auto";
            if (!ConfigNames.TryParse<AcceleratorKind>(kindText, out var kind))
                throw new InputException($"--accelerator: unknown accelerator '{kindText}' (expected one of: {string.Join(", ", ConfigNames.All<AcceleratorKind>())})");
            int repeats = p.GetValue(gemmRepeats);
            if (repeats < 0) throw new InputException($"--time-gemm: must be 0 or positive, got {repeats}");
            var started = DateTimeOffset.UtcNow;
            var outputs = ReadExternal(console, p.GetValue(externalDir), externals.ToDictionary(e => e.Key, e => p.GetValue(e.Value)));
            string? jsonPath = p.GetValue(json);
            string? dumpDir = p.GetValue(dump);
            if (jsonPath is not null && outputs.IsEmpty) throw new InputException("--json: only with --external-dir or --external-... (the verdict of your kernel's dumps)");
            long ulps = Tolerance(p.GetValue(tolerance));
            if (ulps > 0 && outputs.IsEmpty) throw new InputException("--tolerance: only with --external-dir or --external-...");
            if (p.GetValue(force) && dumpDir is null) throw new InputException("--force: only with --dump");
            if (!outputs.IsEmpty || dumpDir is not null)
            {
                // The ILGPU kernels do not run in this mode; options that only affect them would be silently ignored.
                if (p.GetResult(accelerator) is { Implicit: false })
                    throw new InputException("--accelerator: not used with --external (only the golden engine runs)");
                if (repeats > 0)
                    throw new InputException("--time-gemm: not used with --external (only the golden engine runs)");
            }
            var (selected, openTrace) = p.GetValue(adversarial) is { } shape
                ? Adversarial(shape, p.GetValue(seed), p.GetValue(trace), p.GetValue(x), p.GetValue(weight), p.GetValue(bias), cfg)
                : Layers(console, p.GetValue(trace), p.GetValue(layers), p.GetValue(x), p.GetValue(weight), p.GetValue(bias), cfg);
            using var traceLifetime = openTrace;
            if (!outputs.IsEmpty || dumpDir is not null)
            {
                if (selected.Count != 1)
                    throw new InputException($"--layers: --external and --dump take one layer; the selection has {selected.Count}");
                var inputs = selected[0].Inputs();
                if (p.GetValue(adversarial) is not null) PrintCoverage(console.Out, LayerCoverage.Of(LayerCrosscheck.Golden(inputs, selected[0].Config)));
                if (dumpDir is not null)
                {
                    string?[] inputFiles = [p.GetValue(trace), p.GetValue(x), p.GetValue(weight), p.GetValue(bias), p.GetValue(config)];
                    using var folder = ReportFolder.Begin(dumpDir, p.GetValue(force), GoldenDump.Format, inputFiles);
                    GoldenDump.Write(folder.Staging, inputs, GoldenStages.Of(inputs, LayerCrosscheck.Golden(inputs, selected[0].Config)), RtlCommand.CommandLine(p), started, inputFiles);
                    folder.Commit();
                    console.Out.WriteLine($"dump         {folder.Target}: inputs and {ExternalStages.All.Count} golden stages ({GoldenDump.StagesJson})");
                    if (outputs.IsEmpty) return 0;
                }
                return CheckExternal(console, inputs, selected[0].Config, outputs, jsonPath, ulps) ? 0 : 1;
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

    /// <summary>Cross-checks one layer on <paramref name="device"/> and prints its table; true when every stage matches.</summary>
    private static bool CheckLayer(CliConsole console, LayerInputs inputs, StampConfig cfg, GpuDevice device, int gemmRepeats)
    {
        var check = LayerCrosscheck.OnDevice(inputs, cfg, device, gemmRepeats);
        PrintHeader(console.Out, inputs, check.Golden);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"time         golden {check.GoldenSeconds:0.000} s, kernels {check.KernelSeconds:0.000} s (with transfers); gemm {(check.WholeGroupGemm ? "whole groups (overflow impossible)" : "chunked")}, " +
            $"{check.Golden.Gemm.Events.Total} range events"));
        if (check.GemmTiming is { } t)
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gemm kernel  {t.SecondsPerLaunch * 1e3:0.###} ms per launch over {t.Launches} launches, {t.OpsPerSecond / 1e9:0.###} GOPS (2·s·d·n / time)"));
        CrosscheckReport.Print(console.Out, check.Stages, histogram: false);
        return check.Matches;
    }

    private static long Tolerance(string? text)
    {
        if (text is null) return 0;
        if (!text.StartsWith("ulp:", StringComparison.Ordinal) || !long.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out long n))
            throw new InputException($"--tolerance: expected ulp:N with N a non-negative integer, got '{text}'");
        return n;
    }

    private static bool CheckExternal(CliConsole console, LayerInputs inputs, StampConfig cfg, ExternalOutputs outputs, string? jsonPath, long ulps)
    {
        using var files = new OutputSet([]);
        if (jsonPath is not null) files.Reserve(jsonPath, "--json");
        var check = LayerCrosscheck.External(inputs, cfg, outputs, ulps);
        PrintHeader(console.Out, inputs, check.Golden);
        console.Out.WriteLine("compared     your kernel's dumps with the golden prediction (no ILGPU kernels run)");
        CrosscheckReport.PrintVerdict(console.Out, check.Verdict);
        if (jsonPath is not null)
        {
            files.AddText(jsonPath, CrosscheckJson.Text(inputs.Name, check.Verdict));
            files.Commit();
        }
        return check.Matches;
    }

    private static Option<string?> ExternalOption(ExternalStage stage)
    {
        string name = stage.Name == ExternalStages.Y.Name ? "--external" : "--external-" + stage.Name.Replace('_', '-');
        var option = new Option<string?>(name)
        {
            Description = $"Your kernel's {stage.Title} ({string.Join(", ", stage.Axes)}) as .npy, {(stage.Integer ? "any integer dtype" : "float32")}" +
                          (stage == ExternalStages.ActCodes ? " (min-max: unsigned 0..2^bits-1; symmetric: -qmax..qmax)" : ""),
        };
        // The names of the first release stay accepted.
        if (stage == ExternalStages.ActCodes) option.Aliases.Add("--external-codes");
        return option;
    }

    /// <summary>A layer to check: its inputs (read when needed) and the config it runs under.</summary>
    private sealed record Selected(Func<LayerInputs> Inputs, StampConfig Config);

    private static (IReadOnlyList<Selected> Layers, IDisposable? Trace) Layers(CliConsole console, string? tracePath, string? patterns, string? x, string? w, string? b, StampConfig cfg)
    {
        if (tracePath is null)
        {
            if (patterns is not null) throw new InputException("--layers: only with --trace");
            if (x is null || w is null) throw new InputException("--x: give --x and --weight, or --trace");
            return ([new Selected(() => LayerCommand.Load(console, x, w, b, ExecutionOptions.Default.Threads), cfg)], null);
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

    private static (IReadOnlyList<Selected> Layers, IDisposable? Trace) Adversarial(string shape, ulong seed, string? trace, string? x, string? w, string? b, StampConfig cfg)
    {
        if (trace is not null || x is not null || w is not null || b is not null)
            throw new InputException("--adversarial: the layer is generated; drop --trace/--x/--weight/--bias");
        var parts = shape.Split(',');
        if (parts.Length != 3 || !parts.All(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k > 0))
            throw new InputException($"--adversarial: expected S,D,N (three positive integers), got '{shape}'");
        var v = parts.Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        return ([new Selected(() => Traces.Synthetic.AdversarialLayer.Create(cfg.Numerics, v[0], v[1], v[2], seed), cfg)], null);
    }

    private static void PrintCoverage(TextWriter o, LayerCoverage c) =>
        o.WriteLine($"adversarial  {c.ActivationTies} activations on exact quantizer ties; max |acc| {c.MaxAbsAccumulator} (2^15 = 32768); golden range events: {c.TreeEvents} tree, {c.AccumulatorEvents} accumulator");

    private static void PrintHeader(TextWriter o, LayerInputs inputs, LayerResult golden) =>
        o.WriteLine($"layer        {inputs.Name}: s={inputs.Tokens} d={inputs.Features} n={inputs.Outputs}; {golden.Transform.Description}, " +
                    $"{golden.Activations.Groups} group(s) per token");

    private static ExternalOutputs ReadExternal(CliConsole console, string? dir, IReadOnlyDictionary<string, string?> files)
    {
        if (dir is not null && !Directory.Exists(dir)) throw new InputException($"--external-dir: {dir}: no such folder");
        var floats = new Dictionary<string, ExternalTensor<float>>();
        var integers = new Dictionary<string, ExternalTensor<long>>();
        foreach (var stage in ExternalStages.All)
        {
            string? path = files[stage.Name];
            string? inDir = dir is null ? null : Path.Combine(dir, stage.Name + ".npy");
            if (path is not null && inDir is not null && File.Exists(inDir))
                throw new InputException($"--external-dir: {inDir} and the option for {stage.Name} ({path}) both give that stage; give one");
            path ??= inDir is not null && File.Exists(inDir) ? inDir : null;
            if (path is null) continue;
            if (stage.Integer) integers[stage.Name] = Integers(path)!;
            else floats[stage.Name] = Floats(console, path)!;
        }
        if (dir is not null && floats.Count + integers.Count == 0)
            throw new InputException($"--external-dir: {dir} holds none of the stage files ({string.Join(", ", ExternalStages.All.Select(st => st.Name + ".npy"))})");
        return new ExternalOutputs(floats, integers);
    }

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
