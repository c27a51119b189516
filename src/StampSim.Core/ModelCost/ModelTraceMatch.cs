using StampSim.Hardware;
using StampSim.Numerics;
using StampSim.Traces;

namespace StampSim.ModelCost;

/// <summary>Whether a trace is of the model a model-level run costs: every linear layer of it must be a linear of the architecture.</summary>
public static class ModelTraceMatch
{
    /// <summary>Refuses a trace whose linear layers are not linears of <paramref name="arch"/> (features -> outputs), naming the first that is not.</summary>
    /// <param name="arch">The model.</param>
    /// <param name="policy">The config's model policy (which matmuls are weighted).</param>
    /// <param name="trace">The trace.</param>
    /// <param name="layers">Its linear layers to check.</param>
    /// <param name="shapeOf">The shape of a layer (<see cref="Evaluation.TraceReplay.ShapeOf"/>).</param>
    /// <param name="place">What names the trace in the message (<c>--trace</c>, or the spec's <c>trace</c>).</param>
    /// <param name="archPlace">What names the architecture (<c>--arch</c>, or the spec's <c>model.arch</c>).</param>
    /// <exception cref="InputException">No linear layers, or one that no linear of the model is.</exception>
    public static void Check(ModelArchitecture arch, ModelPolicy policy, TraceFile trace, IReadOnlyList<TraceLayer> layers, Func<TraceLayer, LayerShape> shapeOf, string place, string archPlace)
    {
        var shapes = ModelWorkload.WeightedMatmuls(arch, policy).Select(o => (o.Gemm!.Features, o.Gemm.Outputs)).ToHashSet();
        if (layers.Count == 0) throw new InputException($"{place}: {trace.Name} has no linear layers to evaluate for {archPlace} {arch.Name}");
        foreach (var layer in layers)
        {
            var s = shapeOf(layer);
            if (!shapes.Contains((s.Features, s.Outputs)))
                throw new InputException($"{place}: {trace.Name} (model '{trace.Manifest.Model}') does not match {archPlace} {arch.Name}: its layer '{layer.Name}' " +
                                         $"is {s.Features} -> {s.Outputs}, which no linear of {arch.Name} is");
        }
    }
}
