using System.Collections.Concurrent;
using StampSim.Config;
using StampSim.Evaluation;
using StampSim.Hardware;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Traces;

namespace StampSim.Sweeps;

/// <summary>
/// Evaluates sweep points. The expensive part, the golden numerics of every layer, depends only on
/// the trace and the numerics (and the adder-tree length), never on the rest of the hardware: it is
/// computed once per distinct setting and reused by every point that shares it, and <see cref="Prepare"/>
/// groups the settings of a set of points so each group runs layer by layer, each layer read and its float64
/// reference computed once for the group. The cost model then runs per point and layer.
/// </summary>
public sealed class SweepEvaluator
{
    private readonly IReadOnlyList<TraceFile> _traces;
    private readonly IReadOnlyList<IReadOnlyList<TraceLayer>> _layers;
    private readonly ExecutionOptions _options;
    private readonly ConcurrentDictionary<(int Trace, NumericsKey Key), Lazy<NumericsOutcome>> _numerics = new();
    private readonly ConcurrentDictionary<long, PointCost> _costs = new();
    private int _engineRuns;

    /// <summary>Creates an evaluator over opened traces and their selected layers.</summary>
    public SweepEvaluator(IReadOnlyList<TraceFile> traces, IReadOnlyList<IReadOnlyList<TraceLayer>> layers, ExecutionOptions options)
    {
        _traces = traces;
        _layers = layers;
        _options = options;
        // The overflow bound only grows with tokens and features: the largest layer decides whether rows matter.
        _largest = traces.Select((t, i) => layers[i].Count == 0 ? (0, 0)
            : (layers[i].Max(l => (int)t.Tensor(l.Activation).Shape[0]), layers[i].Max(l => (int)t.Tensor(l.Activation).Shape[1]))).ToArray();
    }

    private readonly (int Tokens, int Features)[] _largest;

    /// <summary>How many distinct numerics settings ran through the golden engine so far.</summary>
    public int EngineRuns => _engineRuns;

    /// <summary>
    /// Checks <paramref name="point"/> against every selected layer of its trace from the shapes alone (the numerics'
    /// shape rules, <see cref="StampLayer.CheckShape"/>), so that a point no layer can run fails before any evaluation.
    /// </summary>
    /// <exception cref="InputException">A layer's shape does not suit the point's numerics; the message names the layer and the rule.</exception>
    public void Check(SweepPoint point)
    {
        var trace = _traces[point.TraceIndex];
        foreach (var layer in _layers[point.TraceIndex])
        {
            var x = trace.Tensor(layer.Activation).Shape;
            try { StampLayer.CheckShape(layer.NumericsFor(point.Config.Numerics), (int)x[0], (int)x[1]); }
            catch (InputException e) { throw new InputException($"layer {layer.Name} (s={x[0]}, d={x[1]}): {e.Message}", e); }
        }
    }

    /// <summary>
    /// Evaluates one point (thread-safe). A rule that can only fail while the layer runs (on its values, not its
    /// shape) makes the point infeasible with the reason, rather than stopping the sweep.
    /// </summary>
    public PointResult EvaluateOrInfeasible(SweepPoint point)
    {
        try { return Evaluate(point); }
        catch (InputException e) { return PointResult.Infeasible(point.Index, e.Message); }
    }

    /// <summary>
    /// Settings evaluated together in one layer-major pass. Their rows are written only when the pass ends (the last
    /// layer decides every setting's totals), so a pass is also what a killed sweep loses: 4 settings share each layer's
    /// reference (8 settings cost 2 references per layer instead of 8) and still leave points to resume between passes.
    /// </summary>
    public const int SettingsPerPass = 4;

    /// <summary>
    /// Plans the golden numerics of every distinct setting the feasible <paramref name="points"/> need and that have
    /// not been planned or run: in the points' order, groups of <see cref="SettingsPerPass"/> settings, each group run
    /// layer-major when one of its points is first evaluated (each layer read and its float64 reference computed once
    /// for the whole group, then released: memory stays that of one layer).
    /// </summary>
    public void Prepare(IEnumerable<SweepPoint> points)
    {
        foreach (var trace in points.Where(p => Cost(p).Feasible).GroupBy(p => p.TraceIndex))
        {
            var todo = trace.Select(p => (Key: KeyOf(p), p.Config)).DistinctBy(k => k.Key)
                .Where(k => !_numerics.ContainsKey(k.Key)).ToList();
            foreach (var pass in todo.Chunk(SettingsPerPass))
            {
                var outcomes = new Lazy<List<NumericsOutcome>>(() =>
                {
                    Interlocked.Add(ref _engineRuns, pass.Length);
                    return Replay(trace.Key, pass.Select(k => k.Config).ToList());
                });
                for (int i = 0; i < pass.Length; i++)
                {
                    int index = i;
                    _numerics.TryAdd(pass[i].Key, new Lazy<NumericsOutcome>(() => outcomes.Value[index]));
                }
            }
        }
    }

    /// <summary>Evaluates one point (thread-safe).</summary>
    public PointResult Evaluate(SweepPoint point)
    {
        var cost = Cost(point);
        if (!cost.Feasible)
            return PointResult.Infeasible(point.Index, cost.InfeasibleReason!);
        var numerics = Numerics(point);
        return new PointResult(point.Index, true, null, cost.Cycles, cost.Seconds, cost.Dram, cost.Energy, cost.Energy * 1000 / cost.Macs,
            numerics.SqnrDb, numerics.ActSqnrDb, numerics.PayloadBits, numerics.BitsWithMetadata);
    }

    /// <summary>The golden numerics of the point's setting on its trace (computed once per setting, thread-safe), whatever its layer cost.</summary>
    public NumericsOutcome NumericsOf(SweepPoint point) => Numerics(point);

    // The cost of a point summed over its trace's layers, or the first layer that cannot run: computed once per
    // point, since Prepare asks it (to skip infeasible points) before Evaluate does.
    private PointCost Cost(SweepPoint point) => _costs.GetOrAdd(point.Index, _ => ComputeCost(point));

    private PointCost ComputeCost(SweepPoint point)
    {
        var config = point.Config;
        var hw = config.Accelerator!;
        var trace = _traces[point.TraceIndex];
        long cycles = 0;
        double seconds = 0, dram = 0, energy = 0, macs = 0;
        foreach (var layer in _layers[point.TraceIndex])
        {
            var x = trace.Tensor(layer.Activation);
            var w = trace.Tensor(layer.Weight!);
            var shape = new LayerShape((int)x.Shape[0], (int)x.Shape[1], (int)w.Shape[0], layer.Bias is not null);
            CostResult cost;
            // A mapping that cannot tile this layer is a property of the point, not a bad spec: the point is infeasible.
            try { cost = CostModel.Evaluate(shape, layer.NumericsFor(config.Numerics), config.MacArray, hw); }
            catch (InputException e) { return new PointCost($"{layer.Name}: {e.Message}", 0, 0, 0, 0, 0); }
            if (!cost.Feasible)
                return new PointCost($"{layer.Name}: {cost.InfeasibleReason}", 0, 0, 0, 0, 0);
            cycles += cost.TotalCycles;
            seconds += cost.Seconds;
            dram += cost.DramReadBytes + cost.DramWriteBytes;
            energy += cost.EnergyPj;
            macs += shape.Macs;
        }
        return new PointCost(null, cycles, seconds, dram, energy, macs);
    }

    private sealed record PointCost(string? InfeasibleReason, long Cycles, double Seconds, double Dram, double Energy, double Macs)
    {
        public bool Feasible => InfeasibleReason is null;
    }

    // The golden numerics depend on the trace and the NumericsKey alone, never on the rest of the hardware.
    private (int Trace, NumericsKey Key) KeyOf(SweepPoint point)
    {
        var (tokens, features) = _largest[point.TraceIndex];
        return (point.TraceIndex, NumericsKey.For(point.Config.Golden, tokens, features));
    }

    private NumericsOutcome Numerics(SweepPoint point) =>
        _numerics.GetOrAdd(KeyOf(point), _ => new Lazy<NumericsOutcome>(() =>
        {
            Interlocked.Increment(ref _engineRuns);
            return Replay(point.TraceIndex, [point.Config])[0];
        })).Value;

    // One layer-major replay of a trace's selected layers under several settings: one outcome per config, in order.
    private List<NumericsOutcome> Replay(int traceIndex, IReadOnlyList<StampConfig> configs)
    {
        var numericsOnly = configs.Select(c => (c.Name, new StampConfig { Numerics = c.Numerics, MacArray = c.MacArray })).ToList();
        var replay = new TraceReplay(_traces[traceIndex], new LayerEvaluator(_options));
        var layers = replay.Run(_layers[traceIndex], numericsOnly).ToList();   // [layer][config]
        return configs.Select((_, i) => new NumericsOutcome(
            layers.Select(l => l[i].Stamp.Metrics).ToArray(),
            layers.Select(l => (double)l[i].Shape.Tokens * l[i].Shape.Features).ToArray())).ToList();
    }
}
