using System.CommandLine;
using StampSim.Config;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Rtl.Vectors;
using StampSim.Traces;

namespace StampSim.Cli.Commands;

/// <summary>Where <c>rtl vectors</c> and <c>rtl verify</c> take their layer from: .npy files, a trace layer or a random layer.</summary>
internal sealed class RtlVectorSource
{
    private readonly Option<string?> _x = new("--x") { Description = "Activations X (s, d) as .npy" };
    private readonly Option<string?> _weight = new("--weight") { Description = "Weights W (n, d) as .npy" };
    private readonly Option<string?> _trace = new("--trace") { Description = "Activation trace (.safetensors, .npy or .npz; 'bundled' for the built-in stories260K trace)" };
    private readonly Option<string?> _layer = TraceOptions.Layer();
    private readonly Option<int?> _random = new("--random") { Description = "A random layer of N tokens (with --seed, --d, --n)" };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of --random", DefaultValueFactory = _ => 0 };
    private readonly Option<int?> _d = new("--d") { Description = "Features d of --random (default 2 x rows + 3: a short last chunk)" };
    private readonly Option<int> _n = new("--n") { Description = "Output channels n of --random", DefaultValueFactory = _ => 8 };
    private readonly Option<int?> _tokens = new("--tokens") { Description = "Vectors for this many tokens spread evenly over the layer (default: all)" };

    public IEnumerable<Option> Options => [_x, _weight, _trace, _layer, _random, _seed, _d, _n, _tokens];

    /// <summary>Tokens of the default source: both 8-bit and 4-bit tokens of the bundled trace's first layer.</summary>
    public const int DefaultTokens = 32;

    /// <summary>Tokens to keep, or null for all.</summary>
    public int? Tokens(ParseResult p) => p.GetValue(_tokens);

    /// <summary>The input files the command line names (an output folder must not hold them).</summary>
    public IEnumerable<string?> Files(ParseResult p) =>
        p.GetValue(_trace) is { } t && t != BundledTrace.Name ? [p.GetValue(_x), p.GetValue(_weight), t] : [p.GetValue(_x), p.GetValue(_weight)];

    /// <summary>True when the command line names a layer.</summary>
    public bool Given(ParseResult p) => p.GetValue(_x) is not null || p.GetValue(_trace) is not null || p.GetValue(_random) is not null;

    /// <summary>
    /// The layer and the config adjusted to it, with a short description. Without a source and with
    /// <paramref name="optional"/>, the first layer of the bundled trace.
    /// </summary>
    public (LayerInputs Inputs, StampConfig Config, string Description) Load(ParseResult p, CliConsole console, StampConfig cfg, bool optional)
    {
        string? x = p.GetValue(_x), w = p.GetValue(_weight), trace = p.GetValue(_trace);
        int? random = p.GetValue(_random);
        int sources = (x is not null ? 1 : 0) + (trace is not null ? 1 : 0) + (random is not null ? 1 : 0);
        if (sources == 0 && optional)
        {
            using var bundled = TraceFile.OpenArgument(BundledTrace.Name, console.Warn);
            var first = bundled.Manifest.Layers[0];
            return (bundled.Load(first), cfg with { Numerics = first.NumericsFor(cfg.Numerics) }, $"bundled trace layer {first.Name}");
        }
        if (sources != 1)
            throw new InputException("--x/--weight, --trace, --random: give exactly one vector source");
        if (random is { } s)
        {
            int d = p.GetValue(_d) ?? 2 * cfg.MacArray.Rows + 3;
            var inputs = RandomLayer.Create(s, d, p.GetValue(_n), p.GetValue(_seed));
            return (inputs, cfg, $"random layer (seed {p.GetValue(_seed)})");
        }
        if (trace is not null)
        {
            using var file = TraceFile.OpenArgument(trace, console.Warn);
            var layer = TraceOptions.Resolve(file, p.GetValue(_layer));
            return (file.Load(layer), cfg with { Numerics = layer.NumericsFor(cfg.Numerics) }, $"layer {layer.Name}");
        }
        var loaded = LayerCommand.Load(console, x!, w ?? throw new InputException("--weight: required with --x"), null, ExecutionOptions.Default.Threads);
        return (loaded, cfg, $"layer {loaded.Name}");
    }
}
