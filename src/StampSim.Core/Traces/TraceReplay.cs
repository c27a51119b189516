using System.Diagnostics;
using StampSim.Config;
using StampSim.Metrics;
using StampSim.Pipeline;
using StampSim.Reports;
using StampSim.Tensors;
using StampSim.Transforms;

namespace StampSim.Traces;

/// <summary>
/// Runs trace layers through the golden engine one at a time. Consecutive layers that share an
/// input (q/k/v, gate/up) read it once. For <c>haar2d</c>, layers with a grid take their grid and
/// prefix tokens from the trace (<see cref="TraceLayer.NumericsFor"/>).
/// </summary>
public sealed class TraceReplay(TraceFile trace, StampConfig config, ExecutionOptions options)
{
    /// <summary>Replays <paramref name="layers"/> lazily, in order; each result is yielded as soon as it is ready.</summary>
    /// <exception cref="InputException">A layer's values or shape do not suit the numerics; the message names the layer.</exception>
    public IEnumerable<ReplayedLayer> Run(IReadOnlyList<TraceLayer> layers)
    {
        var clock = Stopwatch.StartNew();
        foreach (var (layer, inputs) in trace.LoadInOrder(layers))
        {
            yield return RunOne(layer, inputs, clock);
            clock.Restart();
        }
    }

    /// <summary>
    /// The sequence transform <paramref name="layer"/> will run under, planned from its shape alone:
    /// lets a caller reject a bad layer/config combination before a long replay starts.
    /// </summary>
    /// <exception cref="InputException">The shape does not suit the numerics; the message names the layer.</exception>
    public ISequenceTransform Plan(TraceLayer layer) =>
        Named(layer, () => SequenceTransforms.Create(layer.NumericsFor(config.Numerics), (int)trace.Tensor(layer.Activation).Shape[0], options));

    private ReplayedLayer RunOne(TraceLayer layer, LayerInputs inputs, Stopwatch clock)
    {
        var effective = config with { Numerics = layer.NumericsFor(config.Numerics) };
        var result = Named(layer, () => new StampLayer(effective.Numerics, effective.MacArray, options).Run(inputs));
        var metrics = LayerMetrics.Compute(inputs, result, effective.Numerics, options);
        var json = LayerJson.Build(inputs, result, metrics, effective);
        // With an accelerator, the same cost figures as `stampsim layer --config` (STaMP vs A8 vs A4).
        if (effective.Accelerator is { } hw)
            CostJson.AddComparison(json, Hardware.CostComparison.Evaluate(
                new Hardware.LayerShape(inputs.Tokens, inputs.Features, inputs.Outputs, inputs.Bias is not null), effective.Numerics, effective.MacArray, hw));
        json["kind"] = layer.Kind;
        json["block"] = layer.Block;
        double seconds = clock.Elapsed.TotalSeconds;
        json["timing_seconds"] = seconds;
        return new ReplayedLayer(layer, inputs.Tokens, inputs.Features, inputs.Outputs, result.Transform.Description, metrics, json, seconds);
    }

    private T Named<T>(TraceLayer layer, Func<T> action)
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
