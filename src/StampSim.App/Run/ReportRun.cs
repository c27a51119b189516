using System.Diagnostics;
using StampSim.Evaluation;
using StampSim.Hardware;
using StampSim.Metrics;
using StampSim.Reports.Analysis;
using StampSim.Tensors;
using StampSim.Traces;
using StampSim.Transforms;
using StampSim.Reports.Run;
using TraceSource = StampSim.Reports.Run.TraceSource;

namespace StampSim.App.Run;

/// <summary>
/// The work behind <c>stampsim run</c>: every selected trace layer on every config, through the
/// golden numerics (STaMP, A4, A8) and the cost model. <see cref="Prepare"/> checks everything that
/// can be checked without running (configs, trace, selection, every layer's transform and cost) so a
/// bad combination fails before any work; <see cref="Run"/> then yields one layer at a time.
/// Golden numerics depend on the numerics and the adder-tree length only, so a layer runs each
/// distinct <see cref="NumericsKey"/> once, however many configs share it (<see cref="TraceReplay"/>).
/// </summary>
public sealed class ReportRun : IDisposable
{
    private readonly TraceFile _trace;
    private readonly TraceReplay _replay;

    private ReportRun(RunRequest request, TraceFile trace, TraceReplay replay, IReadOnlyList<ConfigSpec> configs, IReadOnlyList<TraceLayer> layers,
        IReadOnlyDictionary<string, LayerShape> shapes, FocusChoice focus)
    {
        Request = request;
        _trace = trace;
        _replay = replay;
        Trace = TraceSource.Of(request.TraceArgument, trace);
        Configs = configs;
        Layers = layers;
        Shapes = shapes;
        Focus = focus;
    }

    /// <summary>The request.</summary>
    public RunRequest Request { get; }

    /// <summary>The trace.</summary>
    public TraceSource Trace { get; }

    /// <summary>The configs, in the order given.</summary>
    public IReadOnlyList<ConfigSpec> Configs { get; }

    /// <summary>The selected layers, in model order.</summary>
    public IReadOnlyList<TraceLayer> Layers { get; }

    /// <summary>Shape of every selected layer, by name.</summary>
    public IReadOnlyDictionary<string, LayerShape> Shapes { get; }

    /// <summary>The layer of the energy-compaction and autocorrelation plots, and why.</summary>
    public FocusChoice Focus { get; }

    /// <summary>How many times the golden engine has run so far (one per layer and distinct numerics).</summary>
    public int NumericsRuns => _replay.NumericsRuns;

    /// <summary>Loads configs and trace, selects layers and checks every layer x config before any work.</summary>
    /// <exception cref="InputException">Any bad input; the message names the file, key or layer.</exception>
    public static ReportRun Prepare(RunRequest request, Action<string>? warn = null)
    {
        var configs = ConfigSpec.LoadAll(request.ConfigPaths, request.Overrides);
        var trace = TraceFile.OpenArgument(request.TraceArgument, warn);
        try
        {
            var layers = LayerSelection.Select(trace.Manifest, request.Layers, trace.Name);
            var replay = new TraceReplay(trace, new LayerEvaluator(request.Execution, baselines: true));
            var shapes = layers.ToDictionary(l => l.Name, replay.ShapeOf, StringComparer.Ordinal);
            foreach (var layer in layers)
                foreach (var config in configs)
                    replay.Check(layer, config.Config);
            var focus = request.FocusLayer is { } name
                ? FocusChoice.Named(trace.Layer(name), replay.ShapeOf(trace.Layer(name)))
                : FocusChoice.MostMacs(layers.Select(l => (l, shapes[l.Name])).ToList());
            return new ReportRun(request, trace, replay, configs, layers, shapes, focus);
        }
        catch
        {
            trace.Dispose();
            throw;
        }
    }

    /// <summary>Runs the selected layers lazily, in order; each is yielded when every config is done.</summary>
    /// <exception cref="InputException">A layer's values do not suit the numerics; the message names the layer.</exception>
    public IEnumerable<LayerOutcome> Run()
    {
        var clock = Stopwatch.StartNew();
        var configs = Configs.Select(c => (c.Label, c.Config)).ToList();
        int index = 0;
        foreach (var records in _replay.Run(Layers, configs))
        {
            var layer = Layers[index++];
            var outcomes = records.Select((r, i) => new ConfigOutcome(Configs[i], r)).ToList();
            yield return new LayerOutcome(layer, Shapes[layer.Name], outcomes, clock.Elapsed.TotalSeconds);
            clock.Restart();
        }
    }

    /// <summary>
    /// Completes the run once <see cref="Run"/> has yielded every layer: the focus-layer analysis, the
    /// provenance (the git commit is read now) and the derived totals.
    /// </summary>
    /// <param name="layers">Every outcome <see cref="Run"/> yielded, in order.</param>
    /// <param name="commandLine">The full command line, program name first.</param>
    /// <param name="started">When the run started (UTC).</param>
    public RunResult Finish(IReadOnlyList<LayerOutcome> layers, IReadOnlyList<string> commandLine, DateTimeOffset started)
    {
        var focus = AnalyseFocus();
        var provenance = Reports.Provenance.RunProvenance.Capture(commandLine, started, DateTimeOffset.UtcNow);
        return new RunResult(Request, Trace, Configs, layers, focus, NumericsRuns, provenance, ModelLevel(provenance));
    }

    /// <summary>
    /// The model-level cost of the traced model when the manifest names a known architecture: prompt = the
    /// trace's tokens, the default decode, on the configs that describe a vector unit.
    /// </summary>
    private Reports.Model.ModelResult? ModelLevel(Reports.Provenance.RunProvenance provenance)
    {
        string name = _trace.Manifest.Model;
        var configs = Configs.Where(c => c.Accelerator.VectorUnit is not null).ToList();
        if (!ModelCost.ArchitectureReader.Presets.Contains(name) || configs.Count == 0) return null;
        var arch = ModelCost.ArchitectureReader.Load(name);
        int tokens = (int)_trace.Tensor(Layers[0].Activation).Shape[0];
        var request = new ModelCost.InferenceRequest(Prompt: tokens);
        var results = configs.Select(c => new Reports.Model.ModelConfigResult(c, ModelCost.ModelCostModel.Evaluate(arch, request, c.Config, c.Source), [])).ToList();
        return new Reports.Model.ModelResult(arch, request, results, null, provenance);
    }

    /// <summary>Energy compaction per config and the sequence autocorrelation of the focus layer.</summary>
    /// <exception cref="InputException">The focus layer's values or shape do not suit the numerics.</exception>
    private FocusAnalysis AnalyseFocus()
    {
        var layer = Focus.Layer;
        var x = _trace.ReadActivations(layer);
        var compaction = new Dictionary<string, EnergyCompaction>(StringComparer.Ordinal);
        foreach (var config in Configs)
        {
            var numerics = TraceReplay.ConfigFor(layer, config.Config).Numerics;
            var transform = _replay.Check(layer, config.Config);
            compaction[config.Label] = EnergyCompaction.Compute(x, transform, numerics.HiTokensOf(x.Rows));
        }
        var correlation = SequenceAutocorrelation.Compute(x, Request.Execution);
        return new FocusAnalysis(Focus, compaction, correlation);
    }

    /// <inheritdoc />
    public void Dispose() => _trace.Dispose();
}
