using System.Security.Cryptography;
using StampSim.Config;
using StampSim.Numerics;
using StampSim.Traces;

namespace StampSim.Sweeps;

/// <summary>A spec with its configs parsed and its traces opened and layer-selected, ready to expand and evaluate.</summary>
public sealed class SweepInputs : IDisposable
{
    private SweepInputs(SweepSpec spec, IReadOnlyList<(ConfigMap Tree, string Source)> configs, IReadOnlyList<TraceFile> traces,
        IReadOnlyList<IReadOnlyList<TraceLayer>> layers, string hash)
    {
        Spec = spec;
        Configs = configs;
        Traces = traces;
        Layers = layers;
        Hash = hash;
    }

    /// <summary>The spec.</summary>
    public SweepSpec Spec { get; }

    /// <summary>Parsed base configs, one per spec config.</summary>
    public IReadOnlyList<(ConfigMap Tree, string Source)> Configs { get; }

    /// <summary>Opened traces, one per spec trace.</summary>
    public IReadOnlyList<TraceFile> Traces { get; }

    /// <summary>Selected layers of each trace.</summary>
    public IReadOnlyList<IReadOnlyList<TraceLayer>> Layers { get; }

    /// <summary>The spec hash (spec text plus the content of every config and trace).</summary>
    public string Hash { get; }

    /// <summary>
    /// Resolves the spec's configs (a path, or the name of a shipped config such as <c>edge-npu</c>)
    /// and traces (<c>bundled</c> or a path, relative to the working directory or to the spec).
    /// </summary>
    public static SweepInputs Open(SweepSpec spec)
    {
        string specDir = Path.GetDirectoryName(Path.GetFullPath(spec.Source)) ?? ".";
        var configs = new List<(ConfigMap, string)>();
        var contents = new Dictionary<string, string>();
        foreach (var c in spec.Configs)
        {
            string text, source;
            string? path = Locate(c, specDir);
            if (path is not null)
                (text, source) = StampConfig.ReadText(path);
            else
            {
                string name = c.EndsWith(".yaml", StringComparison.Ordinal) ? Path.GetFileName(c) : c + ".yaml";
                try { text = StampConfig.ReadEmbedded(name); }
                catch (InputException) { throw new InputException($"{spec.Source}: config '{c}' is neither a file nor a shipped config"); }
                source = $"(embedded) {name}";
            }
            configs.Add((YamlConfigParser.ParseDocument(text, source), source));
            contents[c] = Sha256(System.Text.Encoding.UTF8.GetBytes(text));
        }
        var traces = new List<TraceFile>();
        var layers = new List<IReadOnlyList<TraceLayer>>();
        try
        {
            foreach (var t in spec.Traces)
            {
                var trace = TraceFile.OpenArgument(t == BundledTrace.Name ? t
                    : Locate(t, specDir) ?? throw new InputException($"{spec.Source}: trace '{t}' not found"));
                traces.Add(trace);
                layers.Add(LayerSelection.Select(trace.Manifest, spec.Layers, trace.Name, $"{spec.Source}: layers"));
                using var stream = File.OpenRead(trace.Path);
                contents[t] = Convert.ToHexStringLower(SHA256.HashData(stream));
            }
        }
        catch
        {
            foreach (var trace in traces) trace.Dispose();
            throw;
        }
        if (spec.Model is { } model)
        {
            // A preset is part of the build; a config.json (or a folder holding one) can change under a resumed sweep.
            string json = Directory.Exists(model.Arch) ? Path.Combine(model.Arch, "config.json") : model.Arch;
            contents[model.Arch] = File.Exists(json) ? Sha256(File.ReadAllBytes(json)) : "preset";
        }
        return new SweepInputs(spec, configs, traces, layers, spec.Hash(k => contents[k]));
    }

    /// <summary>An evaluator over these traces.</summary>
    public SweepEvaluator Evaluator(ExecutionOptions options) => new(Traces, Layers, options);

    /// <summary>The evaluator of a model sweep (the spec has a <c>model:</c>), its SQNR from the trace when the spec names one.</summary>
    /// <exception cref="InputException">The spec has no model, or the model cannot be read or does not take the request.</exception>
    public ModelSweepEvaluator ModelEvaluator(ExecutionOptions options)
    {
        var model = Spec.Model ?? throw new InputException($"{Spec.Source}: not a model sweep (no 'model:')");
        ModelCost.ModelArchitecture arch;
        try { arch = ModelCost.ArchitectureReader.Load(model.Arch); }
        catch (InputException e) { throw new InputException($"{Spec.Source}: model.arch: {e.Message}", e); }
        // SQNR from a trace of another model would be an answer to another question.
        for (int t = 0; t < Traces.Count; t++)
        {
            var replay = new Evaluation.TraceReplay(Traces[t], new Evaluation.LayerEvaluator(options));
            foreach (var (tree, _) in Configs)
                ModelCost.ModelTraceMatch.Check(arch, StampConfig.FromTree(tree, Spec.Sets).Model, Traces[t], Layers[t], replay.ShapeOf,
                    $"{Spec.Source}: trace", "model.arch");
        }
        return new ModelSweepEvaluator(arch, model.Request, Configs, Traces.Count > 0 ? Evaluator(options) : null, Spec.Source);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in Traces) t.Dispose();
    }

    private static string? Locate(string path, string specDir) =>
        File.Exists(path) ? path : File.Exists(Path.Combine(specDir, path)) ? Path.Combine(specDir, path) : null;

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
