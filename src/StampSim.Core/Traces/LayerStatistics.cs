using StampSim.Numerics;
using StampSim.Transforms;

namespace StampSim.Traces;

/// <summary>A trace layer with its tensors and the statistics of its activations.</summary>
/// <param name="Layer">The layer.</param>
/// <param name="Activation">Its activation tensor.</param>
/// <param name="Weight">Its weight tensor, when it has one.</param>
/// <param name="Bias">Its bias tensor, when it has one.</param>
/// <param name="Statistics">Statistics of the activations under the layer's sequence transform.</param>
public sealed record LayerStatistics(TraceLayer Layer, TraceTensorInfo Activation, TraceTensorInfo? Weight, TraceTensorInfo? Bias,
    ActivationStatistics Statistics)
{
    /// <summary>
    /// Statistics of every layer. Each activation tensor is read once however many layers share it
    /// (layers sharing it under the same grid also share the result).
    /// </summary>
    /// <exception cref="InputException">A value is NaN/Inf, or a layer's shape does not suit the configured transform.</exception>
    public static IReadOnlyList<LayerStatistics> ForTrace(TraceFile trace, NumericsConfig numerics, double outlierFactor, ExecutionOptions options)
    {
        var cache = new Dictionary<(string, TokenGrid?, int), ActivationStatistics>();
        var result = new List<LayerStatistics>();
        foreach (var group in trace.Manifest.Layers.GroupBy(l => l.Activation))
        {
            var x = trace.ReadActivations(group.First());
            foreach (var layer in group)
            {
                var key = (layer.Activation, layer.Grid, layer.Prefix);
                if (!cache.TryGetValue(key, out var stats))
                {
                    var layerNumerics = layer.NumericsFor(numerics);
                    ISequenceTransform transform;
                    try { transform = SequenceTransforms.Create(layerNumerics, x.Rows, options); }
                    catch (InputException e) { throw new InputException($"{trace.Name}: layer '{layer.Name}': {e.Message}", e); }
                    stats = ActivationStatistics.Compute(x, transform, layerNumerics.HiTokensOf(x.Rows), outlierFactor, layer.Grid is null ? 0 : layer.Prefix);
                    cache[key] = stats;
                }
                result.Add(new LayerStatistics(layer, trace.Tensor(layer.Activation),
                    layer.Weight is null ? null : trace.Tensor(layer.Weight), layer.Bias is null ? null : trace.Tensor(layer.Bias), stats));
            }
        }
        var order = trace.Manifest.Layers.Select((l, i) => (l.Name, i)).ToDictionary(p => p.Name, p => p.i);
        return result.OrderBy(r => order[r.Layer.Name]).ToArray();
    }
}
