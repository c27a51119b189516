using StampSim.Hardware;
using StampSim.Io;
using static StampSim.ModelCost.ModelOperators;

namespace StampSim.ModelCost;

/// <summary>
/// <c>moe</c>: a mixture-of-experts decoder — Mixtral (<c>mixtral</c>), Qwen-MoE (<c>qwen2_moe</c>, shared expert with
/// a sigmoid gate) and DeepSeek-MoE (<c>deepseek</c>, shared experts, first blocks dense). Attention is the
/// <see cref="DecoderFamily"/>'s; the MLP of a MoE block is a router (d x experts), top-k routed gated experts per
/// token and the shared experts on every token. MACs are exact (tokens x top-k per expert matmul); the experts a
/// step's tokens touch are <see cref="MoeShape.TouchedExperts"/> (routing spread evenly), each read once per step and
/// run on its share of the tokens — at batch 1 a decode step reads exactly the top-k experts' weights.
/// </summary>
public sealed class MoeFamily : DecoderFamily
{
    /// <inheritdoc />
    public override string Name => "moe";

    /// <inheritdoc />
    public override string Title => "MoE decoder";

    /// <inheritdoc />
    public override IReadOnlyList<string> ModelTypes { get; } = ["mixtral", "qwen2_moe", "deepseek"];

    /// <inheritdoc />
    public override ModelArchitecture Read(HfConfigJson k, string name, string modelType)
    {
        var a = base.Read(k, name, modelType);
        int layers = a.Layers;
        MoeShape moe = modelType switch
        {
            "mixtral" => new MoeShape(k.Positive("num_local_experts"), k.Positive("num_experts_per_tok"), a.Intermediate, 0, false, layers),
            "qwen2_moe" => new MoeShape(k.Positive("num_experts"), k.Positive("num_experts_per_tok"), k.Positive("moe_intermediate_size"),
                k.Int("shared_expert_intermediate_size", 0), k.Int("shared_expert_intermediate_size", 0) > 0,
                CountLayers(layers, i => !k.Ints("mlp_only_layers").Contains(i) && (i + 1) % k.Positive("decoder_sparse_step", 1) == 0)),
            "deepseek" => new MoeShape(k.Positive("n_routed_experts"), k.Positive("num_experts_per_tok"), k.Positive("moe_intermediate_size"),
                k.Int("n_shared_experts", 0) * k.Positive("moe_intermediate_size"), false,
                CountLayers(layers, i => i >= k.Int("first_k_dense_replace", 0) && i % k.Positive("moe_layer_freq", 1) == 0)),
            _ => throw new InputException($"{k.File}: model_type: '{modelType}' is not a MoE type ({string.Join(", ", ModelTypes)})"),
        };
        if (moe.TopK > moe.Experts) throw k.Error("num_experts_per_tok", $"{moe.TopK} experts per token exceed the {moe.Experts} experts");
        if (moe.SharedIntermediate < 0) throw k.Error(modelType == "deepseek" ? "n_shared_experts" : "shared_expert_intermediate_size", "must not be negative");
        return a with { Moe = moe };
    }

    private static int CountLayers(int layers, Func<int, bool> isMoe) => Enumerable.Range(0, layers).Count(isMoe);

    /// <inheritdoc />
    protected override IEnumerable<ModelOperator> Mlp(ModelArchitecture a, int tokens, long repeats)
    {
        var m = a.Moe ?? throw new InvalidOperationException($"{a.Name}: a MoE architecture without its experts");
        int d = a.Hidden, dense = a.Layers - m.MoeLayers;
        if (dense > 0)
            foreach (var op in MlpLinears(a, tokens, checked(dense * repeats), a.Intermediate, outputBias: false, prefix: "dense_"))
                yield return op;
        if (m.MoeLayers == 0) yield break;
        long count = checked(m.MoeLayers * repeats);
        yield return Matmul("router", OperatorClass.Linear, OperandRole.Edge, count, new LayerShape(tokens, d, m.Experts));
        yield return Vector("router_softmax", OperatorClass.Softmax, count, checked((long)tokens * m.Experts));
        // Each expert touched runs on its share of the token x top-k assignments; the MACs are those assignments exactly.
        long assignments = checked((long)tokens * m.TopK), touched = m.TouchedExperts(tokens);
        int perExpert = checked((int)((assignments + touched - 1) / touched));
        double share = assignments / ((double)touched * perExpert);
        long instances = checked(count * touched), macs = checked(count * assignments * d * m.ExpertIntermediate);
        yield return Expert("expert_gate", instances, new LayerShape(perExpert, d, m.ExpertIntermediate), macs, share);
        yield return Expert("expert_up", instances, new LayerShape(perExpert, d, m.ExpertIntermediate), macs, share);
        yield return Expert("expert_down", instances, new LayerShape(perExpert, m.ExpertIntermediate, d), macs, share);
        if (m.SharedIntermediate > 0)
            foreach (var op in MlpLinears(a, tokens, count, m.SharedIntermediate, outputBias: false, prefix: "shared_"))
                yield return op;
        if (m.SharedGate) yield return Matmul("shared_gate", OperatorClass.Linear, OperandRole.Edge, count, new LayerShape(tokens, d, 1));
    }

    /// <inheritdoc />
    protected override long ActivationWidth(ModelArchitecture a)
    {
        var m = a.Moe!;
        return checked((long)(a.Layers - m.MoeLayers) * a.Intermediate + (long)m.MoeLayers * ((long)m.TopK * m.ExpertIntermediate + m.SharedIntermediate));
    }

    private static ModelOperator Expert(string name, long instances, LayerShape shape, long macs, double share) =>
        new(name, OperatorClass.Linear, OperandRole.BlockLinear, instances, shape, macs, share);
}
