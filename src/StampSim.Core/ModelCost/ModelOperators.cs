using StampSim.Hardware;

namespace StampSim.ModelCost;

/// <summary>The operator builders the model families share: transformer-block linears, attention, and single operators.</summary>
public static class ModelOperators
{
    /// <summary>
    /// q, k, v, o and the MLP of one block, on <paramref name="tokens"/> tokens, <paramref name="count"/> times;
    /// <paramref name="outputBias"/> says whether o and the MLP have biases.
    /// </summary>
    public static IEnumerable<ModelOperator> BlockLinears(ModelArchitecture a, int tokens, long count, bool outputBias) =>
        AttentionLinears(a, tokens, count, outputBias).Concat(MlpLinears(a, tokens, count, a.Intermediate, outputBias, ""));

    /// <summary>q, k, v and o of one block on <paramref name="tokens"/> tokens, <paramref name="count"/> times (q and o are heads x head_dim wide).</summary>
    public static IEnumerable<ModelOperator> AttentionLinears(ModelArchitecture a, int tokens, long count, bool outputBias)
    {
        int d = a.Hidden;
        yield return Matmul("q", OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, d, a.QWidth, a.QkvBias));
        yield return Matmul("k", OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, d, a.KvWidth, a.QkvBias));
        yield return Matmul("v", OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, d, a.KvWidth, a.QkvBias));
        yield return Matmul("o", OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, a.QWidth, d, outputBias));
    }

    /// <summary>
    /// An MLP of width <paramref name="width"/> on <paramref name="tokens"/> tokens, <paramref name="count"/> times: gate, up
    /// and down when <see cref="ModelArchitecture.GatedMlp"/>, else fc1 and fc2; names start with <paramref name="prefix"/>.
    /// </summary>
    public static IEnumerable<ModelOperator> MlpLinears(ModelArchitecture a, int tokens, long count, int width, bool outputBias, string prefix)
    {
        int d = a.Hidden;
        if (a.GatedMlp)
        {
            yield return Matmul(prefix + "gate", OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, d, width));
            yield return Matmul(prefix + "up", OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, d, width));
        }
        else
        {
            yield return Matmul(prefix + "fc1", OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, d, width, outputBias));
        }
        yield return Matmul(prefix + (a.GatedMlp ? "down" : "fc2"), OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, width, d, outputBias));
    }

    /// <summary>Unmasked attention of <paramref name="queries"/> over <paramref name="keys"/> per head, <paramref name="count"/> times.</summary>
    public static IEnumerable<ModelOperator> FullAttention(string prefix, ModelArchitecture a, int queries, int keys, long count)
    {
        long instances = count * a.Heads;
        yield return Matmul(prefix + "qk", OperatorClass.Attention, OperandRole.Attention, instances, new LayerShape(queries, a.HeadDim, keys));
        yield return Matmul(prefix + "pv", OperatorClass.Attention, OperandRole.Attention, instances, new LayerShape(queries, keys, a.HeadDim));
        yield return Vector(prefix + "softmax", OperatorClass.Softmax, count, (long)a.Heads * queries * keys);
    }

    /// <summary>A matrix product of <paramref name="shape"/>, <paramref name="count"/> times.</summary>
    public static ModelOperator Matmul(string name, OperatorClass c, OperandRole role, long count, LayerShape shape) =>
        new(name, c, role, count, shape, checked(count * shape.Macs));

    /// <summary>A vector-unit operation on <paramref name="elements"/> elements, <paramref name="count"/> times.</summary>
    public static ModelOperator Vector(string name, OperatorClass c, long count, long elements) =>
        new(name, c, OperandRole.None, count, null, 0, Elements: elements);

    /// <summary>DRAM traffic of <paramref name="bytes"/> bytes, <paramref name="count"/> times.</summary>
    public static ModelOperator Memory(string name, OperatorClass c, long count, long bytes) =>
        new(name, c, OperandRole.None, count, null, 0, DramBytes: bytes);
}
