using StampSim.Hardware;
using StampSim.Numerics;

namespace StampSim.Inference;

/// <summary>
/// Every operator of a whole model in each phase, with exact shapes and multiply-accumulate counts
/// (docs/model-cost.md). Decoders: prefill of S prompt tokens (causal attention counts only the
/// unmasked pairs; the LM head runs on the last prompt token unless all logits are asked for), then
/// T decode steps of one token each at positions S..S+T-1, attending to p+1 keys. ViT: one pass.
/// DiT: one pass per diffusion step. Batch B multiplies everything, except that decoder linears and LM
/// heads run the batch as one matmul (B x S prompt tokens in prefill, B tokens per decode step).
/// </summary>
public static class ModelWorkload
{
    /// <summary>The operators of the prefill phase (or the whole pass for ViT and DiT).</summary>
    public static IReadOnlyList<ModelOperator> Prefill(ModelArchitecture a, InferenceRequest r, ModelPolicy policy) => a.Family switch
    {
        ModelFamily.Decoder => DecoderPrefill(a, r, policy),
        ModelFamily.Vit => Vit(a, r),
        _ => Dit(a, r),
    };

    /// <summary>The operators of all decode steps (empty for ViT and DiT).</summary>
    public static IReadOnlyList<ModelOperator> Decode(ModelArchitecture a, InferenceRequest r, ModelPolicy policy) =>
        a.Family == ModelFamily.Decoder ? DecoderDecode(a, r, policy) : [];

    private static List<ModelOperator> DecoderPrefill(ModelArchitecture a, InferenceRequest r, ModelPolicy policy)
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
        ops.AddRange(BlockLinears(a, checked(s * b), l));
        ops.Add(Vector("rope", OperatorClass.Rope, (long)l * b, (long)s * (a.Heads + a.KvHeads) * a.HeadDim));
        long instances = (long)l * b * a.KvHeads;
        ops.Add(new ModelOperator("qk", OperatorClass.Attention, OperandRole.Attention, instances, new LayerShape(a.GroupSize * s, a.HeadDim, s),
            (long)l * b * a.Heads * a.HeadDim * pairs, causal));
        ops.Add(new ModelOperator("pv", OperatorClass.Attention, OperandRole.Attention, instances, new LayerShape(a.GroupSize * s, s, a.HeadDim),
            (long)l * b * a.Heads * a.HeadDim * pairs, causal));
        ops.Add(Vector("softmax", OperatorClass.Softmax, (long)l * b, pairs * a.Heads));
        ops.Add(Vector("activation", OperatorClass.Activation, (long)l * b, (long)s * a.Intermediate));
        ops.Add(Vector("residual", OperatorClass.Residual, 2L * l * b, (long)s * d));
        ops.Add(Memory("kv_write", OperatorClass.KvCache, (long)l * b, s * KvBytesPerToken(a, policy)));
        int head = r.LogitsAll ? s : 1;
        ops.Add(Matmul("lm_head", OperatorClass.LmHead, OperandRole.Edge, 1, new LayerShape(checked(head * b), d, a.Vocab)));
        return ops;
    }

    private static List<ModelOperator> DecoderDecode(ModelArchitecture a, InferenceRequest r, ModelPolicy policy)
    {
        int b = r.Batch, l = a.Layers, d = a.Hidden, t = r.Decode;
        var ops = new List<ModelOperator>();
        if (t == 0) return ops;
        ops.Add(Memory("embedding", OperatorClass.Embedding, t, (long)b * d * 2));
        ops.Add(Vector("norm", OperatorClass.Norm, (2L * l + 1) * t, (long)b * d));
        ops.AddRange(BlockLinears(a, b, (long)l * t));
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
        ops.Add(Memory("kv_write", OperatorClass.KvCache, (long)l * t, b * KvBytesPerToken(a, policy)));
        ops.Add(Matmul("lm_head", OperatorClass.LmHead, OperandRole.Edge, t, new LayerShape(b, d, a.Vocab)));
        return ops;
    }

    private static List<ModelOperator> Vit(ModelArchitecture a, InferenceRequest r)
    {
        int n = a.Tokens, b = r.Batch, l = a.Layers, d = a.Hidden;
        var ops = new List<ModelOperator>
        {
            Matmul("patch_embedding", OperatorClass.Embedding, OperandRole.Edge, b, new LayerShape(n - 1, a.PatchInputs, d, HasBias: true)),
            Vector("norm", OperatorClass.Norm, 2L * l * b + b, (long)n * d),
        };
        ops.AddRange(BlockLinears(a, n, (long)l * b));
        ops.AddRange(FullAttention("", a, n, n, (long)l * b));
        ops.Add(Vector("activation", OperatorClass.Activation, (long)l * b, (long)n * a.Intermediate));
        ops.Add(Vector("residual", OperatorClass.Residual, 2L * l * b, (long)n * d));
        ops.Add(Matmul("classifier", OperatorClass.LmHead, OperandRole.Edge, b, new LayerShape(1, d, a.Vocab, HasBias: true)));
        return ops;
    }

    private static List<ModelOperator> Dit(ModelArchitecture a, InferenceRequest r)
    {
        int n = a.Tokens, text = a.TextTokens, b = r.Batch, l = a.Layers, d = a.Hidden;
        long passes = (long)b * r.Steps;
        var ops = new List<ModelOperator>
        {
            // The caption projection runs once per prompt; everything else once per step.
            Matmul("caption_projection", OperatorClass.Embedding, OperandRole.Edge, b, new LayerShape(text, a.TextChannels, d, HasBias: true)),
            Matmul("caption_projection_2", OperatorClass.Embedding, OperandRole.Edge, b, new LayerShape(text, d, d, HasBias: true)),
            Matmul("timestep_embedding", OperatorClass.Embedding, OperandRole.Edge, passes, new LayerShape(1, 256, d, HasBias: true)),
            Matmul("timestep_embedding_2", OperatorClass.Embedding, OperandRole.Edge, passes, new LayerShape(1, d, d, HasBias: true)),
            Matmul("adaln_single", OperatorClass.Embedding, OperandRole.Edge, passes, new LayerShape(1, d, 6 * d, HasBias: true)),
            Matmul("patch_embedding", OperatorClass.Embedding, OperandRole.Edge, passes, new LayerShape(n, a.PatchInputs, d, HasBias: true)),
            Vector("norm", OperatorClass.Norm, 2L * l * passes + passes, (long)n * d),
        };
        ops.AddRange(BlockLinears(a, n, (long)l * passes));
        ops.Add(Matmul("cross_q", OperatorClass.Linear, OperandRole.BlockLinear, (long)l * passes, new LayerShape(n, d, d, HasBias: true)));
        ops.Add(Matmul("cross_k", OperatorClass.Linear, OperandRole.BlockLinear, (long)l * passes, new LayerShape(text, d, d, HasBias: true)));
        ops.Add(Matmul("cross_v", OperatorClass.Linear, OperandRole.BlockLinear, (long)l * passes, new LayerShape(text, d, d, HasBias: true)));
        ops.Add(Matmul("cross_o", OperatorClass.Linear, OperandRole.BlockLinear, (long)l * passes, new LayerShape(n, d, d, HasBias: true)));
        ops.AddRange(FullAttention("", a, n, n, (long)l * passes));
        ops.AddRange(FullAttention("cross_", a, n, text, (long)l * passes));
        ops.Add(Vector("activation", OperatorClass.Activation, (long)l * passes, (long)n * a.Intermediate));
        ops.Add(Vector("residual", OperatorClass.Residual, 3L * l * passes, (long)n * d));
        ops.Add(Matmul("final_layer", OperatorClass.LmHead, OperandRole.Edge, passes, new LayerShape(n, d, a.OutputsPerToken, HasBias: true)));
        return ops;
    }

    /// <summary>q, k, v, o and the MLP of one block, on <paramref name="tokens"/> tokens, <paramref name="count"/> times.</summary>
    private static IEnumerable<ModelOperator> BlockLinears(ModelArchitecture a, int tokens, long count)
    {
        int d = a.Hidden;
        bool bias = a.Family != ModelFamily.Decoder;
        yield return Matmul("q", OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, d, d, a.QkvBias));
        yield return Matmul("k", OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, d, a.KvWidth, a.QkvBias));
        yield return Matmul("v", OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, d, a.KvWidth, a.QkvBias));
        yield return Matmul("o", OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, d, d, bias));
        if (a.GatedMlp)
        {
            yield return Matmul("gate", OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, d, a.Intermediate));
            yield return Matmul("up", OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, d, a.Intermediate));
        }
        else
        {
            yield return Matmul("fc1", OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, d, a.Intermediate, bias));
        }
        yield return Matmul(a.GatedMlp ? "down" : "fc2", OperatorClass.Linear, OperandRole.BlockLinear, count, new LayerShape(tokens, a.Intermediate, d, bias));
    }

    /// <summary>Unmasked attention of <paramref name="queries"/> over <paramref name="keys"/> per head, <paramref name="count"/> times.</summary>
    private static IEnumerable<ModelOperator> FullAttention(string prefix, ModelArchitecture a, int queries, int keys, long count)
    {
        long instances = count * a.Heads;
        yield return Matmul(prefix + "qk", OperatorClass.Attention, OperandRole.Attention, instances, new LayerShape(queries, a.HeadDim, keys));
        yield return Matmul(prefix + "pv", OperatorClass.Attention, OperandRole.Attention, instances, new LayerShape(queries, keys, a.HeadDim));
        yield return Vector(prefix + "softmax", OperatorClass.Softmax, count, (long)a.Heads * queries * keys);
    }

    /// <summary>Bytes one token adds to the KV cache of one layer: keys and values at <c>kv_bits</c>, and a 16-bit scale per head for each.</summary>
    public static long KvBytesPerToken(ModelArchitecture a, ModelPolicy policy) =>
        2L * ((long)a.KvWidth * policy.KvBits / 8 + 2L * a.KvHeads);

    private static ModelOperator Matmul(string name, OperatorClass c, OperandRole role, long count, LayerShape shape) =>
        new(name, c, role, count, shape, count * shape.Macs);

    private static ModelOperator Vector(string name, OperatorClass c, long count, long elements) =>
        new(name, c, OperandRole.None, count, null, 0, Elements: elements);

    private static ModelOperator Memory(string name, OperatorClass c, long count, long bytes) =>
        new(name, c, OperandRole.None, count, null, 0, DramBytes: bytes);
}
