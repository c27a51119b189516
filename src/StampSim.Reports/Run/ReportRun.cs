using System.Diagnostics;
using StampSim.Config;
using StampSim.Hardware;
using StampSim.Metrics;
using StampSim.Pipeline;
using StampSim.Reports.Analysis;
using StampSim.Tensors;
using StampSim.Traces;
using StampSim.Transforms;

namespace StampSim.Reports.Run;

/// <summary>
/// The work behind <c>stampsim run</c>: every selected trace layer on every config, through the
/// golden numerics (STaMP, A4, A8) and the cost model. <see cref="Prepare"/> checks everything that
/// can be checked without running (configs, trace, selection, every layer's transform and cost) so a
/// bad combination fails before any work; <see cref="Run"/> then yields one layer at a time.
/// Golden numerics depend on the numerics and the adder-tree length only, so a layer runs each
/// distinct (numerics, <c>mac_array.rows</c>) once, however many configs share it.
/// </summary>
public sealed class ReportRun : IDisposable
{
    private readonly TraceFile _trace;
    private readonly Dictionary<(string Layer, string Config), CostComparison> _costs;
    private int _numericsRuns;

    private ReportRun(RunRequest request, TraceFile trace, IReadOnlyList<ConfigSpec> configs, IReadOnlyList<TraceLayer> layers,
        IReadOnlyDictionary<string, LayerShape> shapes, Dictionary<(string, string), CostComparison> costs, FocusChoice focus)
    {
        Request = request;
        _trace = trace;
        Trace = TraceSource.Of(request.TraceArgument, trace);
        Configs = configs;
        Layers = layers;
        Shapes = shapes;
        _costs = costs;
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
    public int NumericsRuns => _numericsRuns;

    /// <summary>Loads configs and trace, selects layers and checks every layer x config before any work.</summary>
    /// <exception cref="InputException">Any bad input; the message names the file, key or layer.</exception>
    public static ReportRun Prepare(RunRequest request, Action<string>? warn = null)
    {
        var configs = ConfigSpec.LoadAll(request.ConfigPaths, request.Overrides);
        var trace = TraceFile.Open(BundledTrace.Resolve(request.TraceArgument), warn: warn);
        try
        {
            var layers = LayerSelection.Select(trace.Manifest, request.Layers, trace.Path);
            var shapes = layers.ToDictionary(l => l.Name, l => ShapeOf(trace, l), StringComparer.Ordinal);
            var costs = new Dictionary<(string, string), CostComparison>();
            foreach (var layer in layers)
            {
                foreach (var config in configs)
                {
                    var numerics = layer.NumericsFor(config.Config.Numerics);
                    Named(trace, layer, () => SequenceTransforms.Plan(numerics, shapes[layer.Name].Tokens));
                    costs[(layer.Name, config.Label)] = Named(trace, layer,
                        () => CostComparison.Evaluate(shapes[layer.Name], numerics, config.Config.MacArray, config.Accelerator));
                }
            }
            var focus = request.FocusLayer is { } name
                ? FocusChoice.Named(trace.Layer(name), ShapeOf(trace, trace.Layer(name)))
                : FocusChoice.MostMacs(layers.Select(l => (l, shapes[l.Name])).ToList());
            return new ReportRun(request, trace, configs, layers, shapes, costs, focus);
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
        foreach (var (layer, inputs) in _trace.LoadInOrder(Layers))
        {
            var golden = new Dictionary<(NumericsConfig, int), (LayerResult Result, LayerMetrics Metrics)>();
            var outcomes = Configs.Select(c => Evaluate(layer, inputs, c, golden)).ToList();
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
        var provenance = Provenance.RunProvenance.Capture(commandLine, started, DateTimeOffset.UtcNow);
        return new RunResult(Request, Trace, Configs, layers, focus, NumericsRuns, provenance);
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
            var numerics = layer.NumericsFor(config.Config.Numerics);
            var transform = Named(_trace, layer, () => SequenceTransforms.Create(numerics, x.Rows, Request.Execution));
            compaction[config.Label] = EnergyCompaction.Compute(x, transform, Math.Min(numerics.HiTokens, x.Rows));
        }
        var correlation = SequenceAutocorrelation.Compute(x, Request.Execution);
        return new FocusAnalysis(Focus, compaction, correlation);
    }

    /// <inheritdoc />
    public void Dispose() => _trace.Dispose();

    private ConfigOutcome Evaluate(TraceLayer layer, LayerInputs inputs, ConfigSpec config,
        Dictionary<(NumericsConfig, int), (LayerResult Result, LayerMetrics Metrics)> golden)
    {
        var stamp = layer.NumericsFor(config.Config.Numerics);
        var results = new Dictionary<Variant, NumericsOutcome>();
        foreach (var variant in Variants.All)
        {
            var numerics = variant.Numerics(stamp);
            var key = (numerics, config.Config.MacArray.Rows);
            if (!golden.TryGetValue(key, out var run))
            {
                run = Named(_trace, layer, () =>
                {
                    var result = new StampLayer(numerics, config.Config.MacArray, Request.Execution).Run(inputs);
                    return (result, LayerMetrics.Compute(inputs, result, numerics, Request.Execution));
                });
                golden[key] = run;
                _numericsRuns++;
            }
            var json = LayerJson.Build(inputs, run.Result, run.Metrics, config.Config with { Numerics = numerics });
            results[variant] = new NumericsOutcome(numerics, run.Result.Transform.Description, run.Metrics, json);
        }
        return new ConfigOutcome(config, _costs[(layer.Name, config.Label)], results);
    }

    private static LayerShape ShapeOf(TraceFile trace, TraceLayer layer)
    {
        if (layer.Weight is null)
            throw new InputException($"{trace.Path}: layer '{layer.Name}' has no weight; a report needs every layer's weight");
        var x = trace.Tensor(layer.Activation).Shape;
        var w = trace.Tensor(layer.Weight).Shape;
        return new LayerShape((int)x[0], (int)x[1], (int)w[0], layer.Bias is not null);
    }

    private static T Named<T>(TraceFile trace, TraceLayer layer, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (InputException e)
        {
            throw new InputException($"{trace.Path}: layer '{layer.Name}': {e.Message}", e);
        }
    }
}
