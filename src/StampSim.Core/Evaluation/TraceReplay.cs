using System.Diagnostics;
using StampSim.Config;
using StampSim.Hardware;
using StampSim.Pipeline;
using StampSim.Traces;
using StampSim.Transforms;

namespace StampSim.Evaluation;

/// <summary>
/// Replays trace layers through the <see cref="LayerEvaluator"/>, one layer at a time, on one or more
/// configs. Consecutive layers that share an input (q/k/v, gate/up) read it once; configs that differ
/// only in hardware share each layer's golden runs (<see cref="NumericsCache"/>). For <c>haar2d</c>,
/// layers with a grid take their grid and prefix tokens from the trace (<see cref="TraceLayer.NumericsFor"/>).
/// </summary>
/// <param name="trace">The open trace.</param>
/// <param name="evaluator">The evaluator.</param>
public sealed class TraceReplay(TraceFile trace, LayerEvaluator evaluator)
{
    private int _numericsRuns;

    // The cost of each layer on each config computed by Check (from the shape alone), reused by Run:
    // a checked layer's cost is computed once.
    private readonly Dictionary<(TraceLayer Layer, StampConfig Config), TimedCost> _checkedCosts = [];

    /// <summary>How many golden engine runs the replay has made so far (one per layer and distinct <see cref="NumericsKey"/>).</summary>
    public int NumericsRuns => _numericsRuns;

    /// <summary>Replays <paramref name="layers"/> lazily, in order, on one config; each record is yielded as soon as it is ready.</summary>
    /// <exception cref="InputException">A layer's values or shape do not suit the numerics; the message names the layer.</exception>
    public IEnumerable<LayerRecord> Run(IReadOnlyList<TraceLayer> layers, StampConfig config) =>
        Run(layers, [(config.Name, config)]).Select(records => records[0]);

    /// <summary>Replays <paramref name="layers"/> lazily, in order; per layer, one record per config, in config order.</summary>
    /// <exception cref="InputException">A layer's values or shape do not suit the numerics; the message names the layer.</exception>
    public IEnumerable<IReadOnlyList<LayerRecord>> Run(IReadOnlyList<TraceLayer> layers, IReadOnlyList<(string Label, StampConfig Config)> configs)
    {
        foreach (var (layer, inputs) in trace.LoadInOrder(layers))
        {
            var cache = new NumericsCache();
            var subject = Subject(layer);
            var records = configs.Select(c => evaluator.Evaluate(subject, inputs, ConfigFor(layer, c.Config), c.Label, cache,
                _checkedCosts.GetValueOrDefault((layer, c.Config))).Record).ToList();
            _numericsRuns += cache.Count;
            yield return records;
            // Nothing of the layer is live now (records keep metrics only), but its arrays sit in the large-object
            // heap until a gen-2 collection, which allocation alone triggers too late: peak RSS grew with every
            // layer (1.5 GB at 4 Llama-3-8B layers, 2.6 GB at 12). One blocking collection per layer (milliseconds
            // against seconds of work) lets the next layer reuse the memory, so RSS stays that of one layer.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        }
    }

    /// <summary>The layer as records and messages name it.</summary>
    public LayerSubject Subject(TraceLayer layer) => new(layer.Name, layer.Kind, layer.Block, trace.Name);

    /// <summary>The config a trace layer runs under: its grid and prefix tokens for <c>haar2d</c>.</summary>
    public static StampConfig ConfigFor(TraceLayer layer, StampConfig config) => config with { Numerics = layer.NumericsFor(config.Numerics) };

    /// <summary>The shape of a trace layer, read from its header alone.</summary>
    /// <exception cref="InputException">The layer has no weight.</exception>
    public LayerShape ShapeOf(TraceLayer layer)
    {
        if (layer.Weight is null)
            throw new InputException($"{trace.Name}: layer '{layer.Name}' has no weight; evaluating a layer needs its weight");
        var x = trace.Tensor(layer.Activation).Shape;
        var w = trace.Tensor(layer.Weight).Shape;
        return new LayerShape((int)x[0], (int)x[1], (int)w[0], layer.Bias is not null);
    }

    /// <summary>
    /// Checks <paramref name="layer"/> on <paramref name="config"/> from its shape alone (transform plan and cost),
    /// so a bad layer/config combination fails before a long replay starts. The cost is kept for the replay.
    /// </summary>
    /// <returns>The sequence transform the layer will run under.</returns>
    /// <exception cref="InputException">The shape does not suit the numerics; the message names the layer.</exception>
    public ISequenceTransform Check(TraceLayer layer, StampConfig config)
    {
        var effective = ConfigFor(layer, config);
        var subject = Subject(layer);
        var x = trace.Tensor(layer.Activation).Shape;
        int tokens = (int)x[0];
        subject.Named(() => { StampLayer.CheckShape(effective.Numerics, tokens, (int)x[1]); return 0; });
        var transform = subject.Named(() => SequenceTransforms.Create(effective.Numerics, tokens, evaluator.Options));
        if (layer.Weight is not null && !_checkedCosts.ContainsKey((layer, config)))
        {
            var clock = Stopwatch.StartNew();
            var cost = LayerEvaluator.Cost(subject, ShapeOf(layer), effective);
            _checkedCosts[(layer, config)] = new TimedCost(cost, clock.Elapsed.TotalSeconds);
        }
        return transform;
    }
}
