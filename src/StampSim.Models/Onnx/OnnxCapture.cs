using StampSim.Tensors;
using StampSim.Traces;

namespace StampSim.Models.Onnx;

/// <summary>
/// Captures an ONNX model's linear layers: the model runs once in ONNX Runtime with every selected
/// linear's input tensor added as a graph output, so each activation is ONNX Runtime's own value.
/// Leading dimensions are flattened into tokens ((1, s, d) → (s, d)). Layers reading the same tensor
/// (q, k, v) share one activation key, <c>NAME.input</c> after the first of them; weights are stored
/// (n, d) as <c>NAME.weight</c>, biases as <c>NAME.bias</c>.
/// </summary>
public static class OnnxCapture
{
    /// <summary>Runs the model on <paramref name="feeds"/> and returns each distinct input tensor of <paramref name="linears"/> as (tokens, d).</summary>
    public static IReadOnlyDictionary<string, Matrix<float>> Activations(OnnxModel model, IReadOnlyList<OnnxLinear> linears,
        IReadOnlyDictionary<string, OnnxTensor> feeds, int threads = 0)
    {
        var names = linears.Select(l => l.Input).Distinct(StringComparer.Ordinal).ToArray();
        using var session = new OnnxSession(model.WithOutputs(names), model.Path, threads);
        var outputs = session.Run(feeds, names);
        var byName = new Dictionary<string, Matrix<float>>(StringComparer.Ordinal);
        foreach (var l in linears)
        {
            var t = outputs[l.Input];
            if (t.Shape.Length < 2 || t.Cols != l.Features)
                throw new InputException($"{model.Path}: tensor '{l.Input}' has shape [{string.Join(", ", t.Shape)}] but layer '{l.Name}' has d = {l.Features}");
            byName[l.Input] = new Matrix<float>(t.Rows, t.Cols, t.Floats);
        }
        return byName;
    }

    /// <summary>Captures <paramref name="linears"/> (in order) into <paramref name="writer"/>.</summary>
    public static void Add(TraceWriter writer, IReadOnlyList<OnnxLinear> linears, IReadOnlyDictionary<string, Matrix<float>> activations, ElementType type)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in linears)
        {
            if (!keys.TryGetValue(l.Input, out var xKey))
            {
                xKey = $"{l.Name}.input";
                keys[l.Input] = xKey;
                var x = activations[l.Input];
                writer.AddTensor(xKey, type, [x.Rows, x.Cols], x.Data);
            }
            string wKey = $"{l.Name}.weight";
            writer.AddTensor(wKey, type, [l.Weight.Rows, l.Weight.Cols], l.Weight.Data);
            string? bKey = null;
            if (l.Bias is { } bias)
            {
                bKey = $"{l.Name}.bias";
                writer.AddTensor(bKey, type, [bias.Length], bias);
            }
            writer.AddLayer(new TraceLayer(l.Name, Linear.LinearKinds.Name(l.Kind), l.Block, xKey, wKey, bKey));
        }
    }
}
