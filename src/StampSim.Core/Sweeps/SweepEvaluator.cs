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
/// computed once per distinct setting and reused by every point that shares it. The cost model then
/// runs per point and layer.
/// </summary>
public sealed class SweepEvaluator
{
    private readonly IReadOnlyList<TraceFile> _traces;
    private readonly IReadOnlyList<IReadOnlyList<TraceLayer>> _layers;
    private readonly ExecutionOptions _options;
    private readonly ConcurrentDictionary<(int Trace, NumericsKey Key), Lazy<NumericsOutcome>> _numerics = new();
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

    /// <summary>Evaluates one point (thread-safe).</summary>
    public PointResult Evaluate(SweepPoint point)
    {
        var config = point.Config;
        var hw = config.Accelerator!;
        var trace = _traces[point.TraceIndex];
        var layers = _layers[point.TraceIndex];
        long cycles = 0;
        double seconds = 0, dram = 0, energy = 0, macs = 0;
        foreach (var layer in layers)
        {
            var x = trace.Tensor(layer.Activation);
            var w = trace.Tensor(layer.Weight!);
            var shape = new LayerShape((int)x.Shape[0], (int)x.Shape[1], (int)w.Shape[0], layer.Bias is not null);
            var cost = CostModel.Evaluate(shape, layer.NumericsFor(config.Numerics), config.MacArray, hw);
            if (!cost.Feasible)
                return PointResult.Infeasible(point.Index, $"{layer.Name}: {cost.InfeasibleReason}");
            cycles += cost.TotalCycles;
            seconds += cost.Seconds;
            dram += cost.DramReadBytes + cost.DramWriteBytes;
            energy += cost.EnergyPj;
            macs += shape.Macs;
        }
        var numerics = Numerics(point);
        return new PointResult(point.Index, true, null, cycles, seconds, dram, energy, energy * 1000 / macs,
            numerics.SqnrDb, numerics.ActSqnrDb, numerics.PayloadBits, numerics.BitsWithMetadata);
    }

    private NumericsOutcome Numerics(SweepPoint point)
    {
        var config = point.Config;
        // The golden numerics depend on the trace and the NumericsKey alone, never on the rest of the hardware.
        var (tokens, features) = _largest[point.TraceIndex];
        var key = (point.TraceIndex, NumericsKey.For(config.Golden, tokens, features));
        return _numerics.GetOrAdd(key, _ => new Lazy<NumericsOutcome>(() =>
        {
            Interlocked.Increment(ref _engineRuns);
            var numericsOnly = new StampConfig { Numerics = config.Numerics, MacArray = config.MacArray };
            var replay = new TraceReplay(_traces[point.TraceIndex], new LayerEvaluator(_options));
            var records = replay.Run(_layers[point.TraceIndex], numericsOnly).ToList();
            return new NumericsOutcome(records.Select(r => r.Stamp.Metrics).ToArray(), records.Select(r => (double)r.Shape.Tokens * r.Shape.Features).ToArray());
        })).Value;
    }
}
