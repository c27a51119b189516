using System.CommandLine;
using System.Diagnostics;
using StampSim.Io;
using StampSim.Numerics;
using StampSim.Traces.Safetensors;
using StampSim.Traces.Synthetic;
using StampSim.Traces;
using StampSim.Reports.Writers;

namespace StampSim.Cli.Commands;

/// <summary><c>stampsim synth</c>: a seedable synthetic trace for shapes no bundled trace has.</summary>
internal static class SynthCommand
{
    public static Command Create(CliConsole console)
    {
        var d0 = new SynthOptions();
        var s = new Option<int?>("--s") { Description = "Tokens s (with --grid: optional, H*W + prefix)" };
        var d = new Option<int?>("--d") { Description = "Input features d (required unless --model-shape)" };
        var n = new Option<int?>("--n") { Description = "Output features n (required unless --model-shape)" };
        var modelShape = new Option<string?>("--model-shape") { Description = "Per-layer shapes of a model's blocks: llama-3-8b (q, k, v, o, gate, up, down; s defaults to 2048)" };
        var blocks = new Option<int>("--blocks") { Description = "Blocks of --model-shape", DefaultValueFactory = _ => d0.Blocks };
        var grid = new Option<string?>("--grid") { Description = "Token grid HxW (separable 2-D correlation, e.g. a DiT 64x64)" };
        var prefix = new Option<int>("--prefix") { Description = "Independent tokens ahead of the grid (e.g. 1 for a CLS token)", DefaultValueFactory = _ => d0.Prefix };
        var layers = new Option<int>("--layers") { Description = "Number of layers", DefaultValueFactory = _ => d0.Layers };
        var seed = new Option<ulong>("--seed") { Description = "Seed; the same seed gives the same bytes on every machine", Required = true };
        var output = new Option<string>("--out") { Description = "Output trace (.safetensors)", Required = true };
        var rho = new Option<double>("--rho") { Description = "AR(1) correlation of neighbouring tokens", DefaultValueFactory = _ => d0.Rho };
        var rhoRows = new Option<double?>("--rho-rows") { Description = "Grid: correlation of vertically adjacent tokens (default --rho)" };
        var rhoCols = new Option<double?>("--rho-cols") { Description = "Grid: correlation of horizontally adjacent tokens (default --rho)" };
        var sigma = new Option<double>("--channel-sigma") { Description = "Channel std spread: std_j = exp(sigma * z_j)", DefaultValueFactory = _ => d0.ChannelSigma };
        var outliers = new Option<int>("--outliers") { Description = "Massive outlier channels", DefaultValueFactory = _ => d0.Outliers };
        var outlierScale = new Option<double>("--outlier-scale") { Description = "Std multiplier of the outlier channels", DefaultValueFactory = _ => d0.OutlierScale };
        var sink = new Option<double>("--sink-scale") { Description = "Attention sink: token 0 holds +this many stds in the outlier channels (0 = off)", DefaultValueFactory = _ => d0.SinkScale };
        var weightStd = new Option<double?>("--weight-std") { Description = "Weight std (default 1/sqrt(d))" };
        var biasStd = new Option<double>("--bias-std") { Description = "Bias std (0 = no bias)", DefaultValueFactory = _ => d0.BiasStd };
        var dtype = new Option<string>("--dtype") { Description = "Stored dtype: f32, f16, bf16", DefaultValueFactory = _ => "f32" };
        var threads = CommonOptions.Threads();
        var cmd = new Command("synth", "Generate a seedable synthetic activation trace (AR(1) tokens, outlier channels, optional attention sink).")
        {
            s, d, n, modelShape, blocks, grid, prefix, layers, seed, output, rho, rhoRows, rhoCols, sigma, outliers, outlierScale, sink, weightStd, biasStd, dtype, threads,
        };
        cmd.SetAction(p =>
        {
            var g = ParseGrid(p.GetValue(grid));
            int pre = p.GetValue(prefix);
            var model = p.GetValue(modelShape) is { } name ? ModelShape.Parse(name) : null;
            int tokens = p.GetValue(s) ?? model?.Tokens ?? (g is null ? throw new InputException("--s: required unless --grid or --model-shape is given") : g.Count + pre);
            if (model is not null && (p.GetValue(d) is not null || p.GetValue(n) is not null))
                throw new InputException("--model-shape: the model gives every layer's d and n; drop --d and --n");
            var options = new SynthOptions
            {
                Tokens = tokens, Model = model, Blocks = p.GetValue(blocks),
                Features = model?.Layers[0].Features ?? p.GetValue(d) ?? throw new InputException("--d: required unless --model-shape is given"),
                Outputs = model?.Layers[0].Outputs ?? p.GetValue(n) ?? throw new InputException("--n: required unless --model-shape is given"),
                Grid = g, Prefix = pre, Layers = p.GetValue(layers),
                Seed = p.GetValue(seed), Rho = p.GetValue(rho), RhoRows = p.GetValue(rhoRows), RhoCols = p.GetValue(rhoCols),
                ChannelSigma = p.GetValue(sigma), Outliers = p.GetValue(outliers), OutlierScale = p.GetValue(outlierScale),
                SinkScale = p.GetValue(sink), WeightStd = p.GetValue(weightStd), BiasStd = p.GetValue(biasStd), DType = ParseDType(p.GetValue(dtype)!),
            };
            int t = p.GetValue(threads);
            if (t < 0) throw new InputException($"--threads: must be 0 or positive, got {t}");
            string path = p.GetValue(output)!;
            OutputPath.CheckFile(path, $"--out {path}");
            var clock = Stopwatch.StartNew();
            var generator = new SyntheticTrace(options, new ExecutionOptions(t));
            generator.Write(path);
            string shape = model is null ? $"{options.Layers} layer(s), s={options.Tokens} d={options.Features} n={options.Outputs}"
                : $"{options.Blocks} block(s) of {model.Name} ({options.Blocks * model.Layers.Count} layers), s={options.Tokens}";
            console.Out.WriteLine($"wrote {path}: {shape}, " +
                                  $"{SafetensorsDTypes.Name(options.DType)}, {Display.Bytes(new FileInfo(path).Length)}, " +
                                  $"outlier channels [{string.Join(", ", generator.Profile.Outliers)}], {Display.Fixed(clock.Elapsed.TotalSeconds, 2)} s");
            return 0;
        });
        return cmd;
    }

    private static TokenGrid? ParseGrid(string? text)
    {
        if (text is null) return null;
        try { return TokenGrid.Parse(text); }
        catch (FormatException e) { throw new InputException($"--grid: {e.Message}"); }
    }

    private static ElementType ParseDType(string text) => text.ToLowerInvariant() switch
    {
        "f32" or "float32" => ElementType.Float32,
        "f16" or "float16" => ElementType.Float16,
        "bf16" or "bfloat16" => ElementType.BFloat16,
        _ => throw new InputException($"--dtype: unknown dtype '{text}' (expected f32, f16 or bf16)"),
    };
}
