using StampSim.Hardware;
using StampSim.Io;
using StampSim.Numerics;
using static StampSim.Inference.ModelOperators;

namespace StampSim.Inference;

/// <summary>
/// <c>decoder</c>: a decoder-only LM (LLaMA, Mistral, Qwen2). Prefill of S prompt tokens (causal attention
/// counts only the unmasked pairs; the LM head runs on the last prompt token unless all logits are asked
/// for), then T decode steps of one token each at positions S..S+T-1, attending to p+1 keys; decode
/// linears run the batch as one matmul of B tokens.
/// </summary>
public sealed class DecoderFamily : ModelFamily
{
    /// <inheritdoc />
    public override string Name => "decoder";

    /// <inheritdoc />
    public override string Title => "Decoder";

    /// <inheritdoc />
    public override IReadOnlyList<string> ModelTypes { get; } = ["llama", "mistral", "qwen2"];

    /// <inheritdoc />
    public override bool Decodes => true;

    /// <inheritdoc />
    public override bool RmsNorm => true;

    /// <inheritdoc />
    public override ModelArchitecture Read(HfConfigJson k, string name, string modelType)
    {
        int heads = k.Positive("num_attention_heads");
        return new ModelArchitecture(name, this, k.Positive("hidden_size"), k.Positive("intermediate_size"),
            k.Positive("num_hidden_layers"), heads, k.Positive("num_key_value_heads", heads), k.Positive("vocab_size"),
            QkvBias: modelType == "qwen2" || k.Bool("attention_bias", false), GatedMlp: true, Tokens: 0, PatchInputs: 0, OutputsPerToken: 0,
            TextTokens: 0, TextChannels: 0, Source: k.Source);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ModelOperator> Prefill(ModelArchitecture a, InferenceRequest r, ModelPolicy policy)
    {
        int s = r.Prompt, b = r.Batch, l = a.Layers, d = a.Hidden;
        long pairs = (long)s * (s + 1) / 2;
        double causal = (s + 1) / (2.0 * s);
        var ops = new List<ModelOperator>
        {
            Memory("embedding", OperatorClass.Embedding, b, (long)s * d * 2),
            Vector("norm", OperatorClass.Norm, 2L * l * b + b, (long)s * d),
        };
        // The B prompts share each weight read: the block linears and the LM head run them as one matmul; attention is per sequence.
        ops.AddRange(BlockLinears(a, checked(s * b), l, outputBias: false));
        ops.Add(Vector("rope", OperatorClass.Rope, (long)l * b, (long)s * (a.Heads + a.KvHeads) * a.HeadDim));
        long instances = (long)l * b * a.KvHeads;
        ops.Add(new ModelOperator("qk", OperatorClass.Attention, OperandRole.Attention, instances, new LayerShape(a.GroupSize * s, a.HeadDim, s),
            (long)l * b * a.Heads * a.HeadDim * pairs, causal));
        ops.Add(new ModelOperator("pv", OperatorClass.Attention, OperandRole.Attention, instances, new LayerShape(a.GroupSize * s, s, a.HeadDim),
            (long)l * b * a.Heads * a.HeadDim * pairs, causal));
        ops.Add(Vector("softmax", OperatorClass.Softmax, (long)l * b, pairs * a.Heads));
        ops.Add(Vector("activation", OperatorClass.Activation, (long)l * b, (long)s * a.Intermediate));
        ops.Add(Vector("residual", OperatorClass.Residual, 2L * l * b, (long)s * d));
        ops.Add(Memory("kv_write", OperatorClass.KvCache, (long)l * b, s * ModelWorkload.KvBytesPerToken(a, policy)));
        int head = r.LogitsAll ? s : 1;
        ops.Add(Matmul("lm_head", OperatorClass.LmHead, OperandRole.Edge, 1, new LayerShape(checked(head * b), d, a.Vocab)));
        return ops;
    }

    /// <inheritdoc />
    public override IReadOnlyList<ModelOperator> Decode(ModelArchitecture a, InferenceRequest r, ModelPolicy policy)
    {
        int b = r.Batch, l = a.Layers, d = a.Hidden, t = r.Decode;
        var ops = new List<ModelOperator>();
        if (t == 0) return ops;
        ops.Add(Memory("embedding", OperatorClass.Embedding, t, (long)b * d * 2));
        ops.Add(Vector("norm", OperatorClass.Norm, (2L * l + 1) * t, (long)b * d));
        ops.AddRange(BlockLinears(a, b, (long)l * t, outputBias: false));
        ops.Add(Vector("rope", OperatorClass.Rope, (long)l * t, (long)b * (a.Heads + a.KvHeads) * a.HeadDim));
        for (int p = r.Prompt; p < r.Prompt + t; p++)
        {
            int keys = p + 1;
            long instances = (long)l * b * a.KvHeads;
            ops.Add(Matmul($"qk@{p}", OperatorClass.Attention, OperandRole.Attention, instances, new LayerShape(a.GroupSize, a.HeadDim, keys)));
            ops.Add(Matmul($"pv@{p}", OperatorClass.Attention, OperandRole.Attention, instances, new LayerShape(a.GroupSize, keys, a.HeadDim)));
            ops.Add(Vector($"softmax@{p}", OperatorClass.Softmax, (long)l * b, (long)a.Heads * keys));
        }
        ops.Add(Vector("activation", OperatorClass.Activation, (long)l * t, (long)b * a.Intermediate));
        ops.Add(Vector("residual", OperatorClass.Residual, 2L * l * t, (long)b * d));
        ops.Add(Memory("kv_write", OperatorClass.KvCache, (long)l * t, b * ModelWorkload.KvBytesPerToken(a, policy)));
        ops.Add(Matmul("lm_head", OperatorClass.LmHead, OperandRole.Edge, t, new LayerShape(b, d, a.Vocab)));
        return ops;
    }
}
