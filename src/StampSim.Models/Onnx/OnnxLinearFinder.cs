using Onnx;
using StampSim.Tensors;

namespace StampSim.Models.Onnx;

/// <summary>
/// Finds the linear layers of an ONNX graph: every MatMul whose second operand is a 2-D float32
/// initializer (X W with W stored (d, n)) and every Gemm with alpha = 1, no transA and a 2-D float32
/// initializer B (transB tells its layout), each with the bias of a following Add whose other operand
/// is an n-element initializer (or a Gemm's own C, when beta = 1). Other MatMuls (attention's
/// Q K^T and P V) have no initializer and are not linears.
/// </summary>
public static class OnnxLinearFinder
{
    /// <summary>The model's linears in graph order (ONNX graphs are topologically sorted).</summary>
    public static IReadOnlyList<OnnxLinear> Find(OnnxModel model)
    {
        var graph = model.Graph;
        var consumers = new Dictionary<string, List<NodeProto>>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
            foreach (var input in node.Input)
                (consumers.TryGetValue(input, out var list) ? list : consumers[input] = []).Add(node);
        var graphOutputs = graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var index = new Dictionary<NodeProto, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < graph.Node.Count; i++) index[graph.Node[i]] = i;
        var found = new List<OnnxLinear>();
        foreach (var node in graph.Node)
        {
            if (Core(model, node) is not { } core) continue;
            var (x, weight, biasName, bias) = core;
            string output = node.Output[0];
            var nodes = new List<int> { index[node] };
            if (bias is null && !graphOutputs.Contains(output)
                && consumers.GetValueOrDefault(output) is [var add] && BiasOf(model, add, output, weight.Rows) is { } following)
            {
                (bias, biasName) = following;
                output = add.Output[0];
                nodes.Add(index[add]);
            }
            string name = OnnxLayerNames.Name([biasName, node.Input[1]], node.Name);
            found.Add(new OnnxLinear(name, OnnxLayerNames.Kind(name), OnnxLayerNames.Block(name), x, output, nodes, weight, bias));
        }
        var duplicate = found.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InputException($"{model.Path}: two linear layers are both named '{duplicate.Key}'");
        return found;
    }

    // X, W (n, d), and a Gemm's own bias.
    private static (string X, Matrix<float> W, string? BiasName, float[]? Bias)? Core(OnnxModel model, NodeProto node)
    {
        if (node.Input.Count < 2 || model.Initializer(node.Input[0]) is not null) return null;
        if (node.OpType == "MatMul")
            return model.Initializer(node.Input[1]) is { Dims.Count: 2 } t && model.FloatInitializer(t.Name) is { } w
                ? (node.Input[0], Transpose(w, (int)t.Dims[0], (int)t.Dims[1]), null, null)
                : null;
        if (node.OpType != "Gemm" || Float(node, "alpha", 1) != 1 || Int(node, "transA", 0) != 0) return null;
        if (model.Initializer(node.Input[1]) is not { Dims.Count: 2 } b || model.FloatInitializer(b.Name) is not { } values) return null;
        int rows = (int)b.Dims[0], cols = (int)b.Dims[1];
        var weight = Int(node, "transB", 0) == 1 ? new Matrix<float>(rows, cols, values) : Transpose(values, rows, cols);
        if (node.Input.Count < 3 || node.Input[2].Length == 0) return (node.Input[0], weight, null, null);
        // A Gemm's C must be a plain bias to stay a linear layer.
        if (Float(node, "beta", 1) != 1 || model.FloatInitializer(node.Input[2]) is not { } c || c.Length != weight.Rows) return null;
        return (node.Input[0], weight, node.Input[2], c);
    }

    private static (float[] Bias, string Name)? BiasOf(OnnxModel model, NodeProto add, string product, int n)
    {
        if (add.OpType != "Add" || add.Input.Count != 2) return null;
        string other = add.Input[0] == product ? add.Input[1] : add.Input[0];
        return model.FloatInitializer(other) is { } b && b.Length == n && model.Initializer(other)!.Dims.Count == 1 ? (b, other) : null;
    }

    private static Matrix<float> Transpose(float[] dn, int d, int n)
    {
        var w = new Matrix<float>(n, d);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < n; j++)
                w[j, i] = dn[i * n + j];
        return w;
    }

    private static float Float(NodeProto node, string name, float fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } a ? a.F : fallback;

    private static long Int(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } a ? a.I : fallback;
}
