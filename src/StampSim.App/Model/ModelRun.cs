using StampSim.Config;
using StampSim.Evaluation;
using StampSim.ModelCost;
using StampSim.Reports.Provenance;
using StampSim.Reports.Run;
using StampSim.Sweeps;
using StampSim.Traces;
using StampSim.Hardware;
using StampSim.Reports.Model;

namespace StampSim.App.Model;

/// <summary>
/// The work behind <c>stampsim model</c>: the model-level cost of one architecture on every config
/// (<see cref="ModelCostModel"/>), the prompt sweep, and, with a trace of the same model, the golden
/// numerics of its linear layers through the one layer evaluator.
/// </summary>
public static class ModelRun
{
    /// <summary>
    /// Runs everything; <paramref name="commandLine"/> and <paramref name="started"/> go into the provenance. A prompt (or
    /// sweep point) beyond the model's <c>max_position_embeddings</c> is refused unless <paramref name="beyondMaxPositions"/>.
    /// </summary>
    /// <exception cref="InputException">Any bad input; the message names the file, key or option.</exception>
    public static ModelResult Execute(ModelArchitecture arch, InferenceRequest request, IReadOnlyList<ConfigSpec> configs, IReadOnlyList<int> sweep,
        string? trace, Numerics.ExecutionOptions options, IReadOnlyList<string> commandLine, DateTimeOffset started, bool beyondMaxPositions = false)
    {
        // A ViT or DiT pass has no prompt: a sweep over prompt lengths would plot the same pass again and again.
        if (sweep.Count > 0 && !arch.Family.Decodes)
            throw new InputException($"--sweep-prompt: {arch.Name} is a {arch.Family.Name} model, which has no prompt to sweep (only decoders do)");
        if (!beyondMaxPositions)
        {
            request.CheckContext(arch, "--prompt/--decode");
            foreach (int p in sweep) (request with { Prompt = p }).CheckContext(arch, "--sweep-prompt");
        }
        var results = configs.Select(c => new ModelConfigResult(c,
            ModelCostModel.Evaluate(arch, request, c.Config, c.Source),
            sweep.Select(p => (p, ModelCostModel.Evaluate(arch, request with { Prompt = p }, c.Config, c.Source))).ToList())).ToList();
        var accuracy = trace is null ? null : Accuracy(trace, arch, configs[0].Config, options);
        return new ModelResult(arch, request, results, accuracy, RunProvenance.Capture(commandLine, started, DateTimeOffset.UtcNow));
    }

    private static ModelAccuracy Accuracy(string path, ModelArchitecture arch, StampConfig config, Numerics.ExecutionOptions options)
    {
        using var trace = TraceFile.OpenArgument(path);
        var layers = trace.Manifest.Layers.Where(l => l.Weight is not null).ToList();
        var replay = new TraceReplay(trace, new LayerEvaluator(options, baselines: true));
        ModelTraceMatch.Check(arch, config.Model, trace, layers, replay.ShapeOf, "--trace", "--arch");
        var numericsOnly = config with { Accelerator = null };
        var records = replay.Run(layers, numericsOnly).ToList();
        var pooled = new Dictionary<Variant, double>();
        var mean = new Dictionary<Variant, double>();
        foreach (var v in Variants.All)
        {
            var metrics = records.Select(r => r.Of(v)!.Metrics).ToList();
            pooled[v] = new NumericsOutcome(metrics, records.Select(r => (double)r.Shape.Tokens * r.Shape.Features).ToList()).SqnrDb;
            mean[v] = metrics.Average(m => m.SqnrDb);
        }
        return new ModelAccuracy(trace.Name, records.Count, pooled, mean);
    }
}
