using StampSim.Hardware;
using StampSim.Io;
using StampSim.Numerics;
using static StampSim.ModelCost.ModelOperators;

namespace StampSim.ModelCost;

/// <summary>
/// <c>decoder</c>: a decoder-only LM (LLaMA, Mistral, Qwen2/3, Gemma). Prefill of S prompt tokens (causal attention
/// counts only the unmasked pairs, limited to <c>sliding_window</c> keys in windowed blocks; the LM head runs on the
/// last prompt token unless all logits are asked for), then T decode steps of one token each at positions S..S+T-1,
/// attending to p+1 keys (at most the window); decode linears run the batch as one matmul of B tokens.
/// <see cref="Mlp"/> is the extension point of decoders whose MLP differs (<see cref="MoeFamily"/>).
/// </summary>
public class DecoderFamily : ModelFamily
{
    /// <inheritdoc />
    public override string Name => "decoder";

    /// <inheritdoc />
    public override string Title => "Decoder";

    /// <inheritdoc />
    public override IReadOnlyList<string> ModelTypes { get; } = ["llama", "mistral", "qwen2", "qwen3", "gemma"];

    /// <inheritdoc />
    public override bool Decodes => true;

    /// <inheritdoc />
    public override bool RmsNorm => true;

    /// <inheritdoc />
    public override ModelArchitecture Read(HfConfigJson k, string name, string modelType)
    {
        int heads = k.Positive("num_attention_heads"), hidden = k.Positive("hidden_size"), layers = k.Positive("num_hidden_layers");
        // Qwen2/3 write a sliding_window that only applies with use_sliding_window, and then to the blocks from max_window_layers on.
        bool qwen = modelType.StartsWith("qwen", StringComparison.Ordinal);
        int window = k.Has("sliding_window") && (!qwen || k.Bool("use_sliding_window", false)) ? k.Positive("sliding_window") : 0;
        int windowed = window == 0 ? 0 : qwen ? Math.Max(0, layers - Math.Min(layers, k.Int("max_window_layers", 0))) : layers;
        return new ModelArchitecture(name, this, hidden, k.Positive("intermediate_size"),
            layers, heads, k.Positive("num_key_value_heads", heads), k.Positive("vocab_size"),
            QkvBias: modelType is "qwen2" or "qwen2_moe" || k.Bool("attention_bias", false), GatedMlp: true, Tokens: 0, PatchInputs: 0, OutputsPerToken: 0,
            TextTokens: 0, TextChannels: 0, Source: k.Source)
        {
            HeadDim = HeadDim(k, hidden, heads),
            SlidingWindow = window,
            WindowedLayers = windowed,
            MaxPositions = k.Has("max_position_embeddings") ? k.Positive("max_position_embeddings") : 0,
            TiedEmbeddings = k.Bool("tie_word_embeddings", modelType == "gemma"),
        };
    }

    /// <summary>
    /// The MLP of every block on <paramref name="tokens"/> tokens, <paramref name="repeats"/> times per block
    /// (batches or decode steps): the dense gated MLP here.
    /// </summary>
    protected virtual IEnumerable<ModelOperator> Mlp(ModelArchitecture a, int tokens, long repeats) =>
        MlpLinears(a, tokens, checked(a.Layers * repeats), a.Intermediate, outputBias: false, prefix: "");

    /// <summary>MLP elements the activation (SwiGLU) runs on per token, summed over the blocks.</summary>
    protected virtual long ActivationWidth(ModelArchitecture a) => checked((long)a.Layers * a.Intermediate);

    /// <inheritdoc />
    public override IReadOnlyList<ModelOperator> Prefill(ModelArchitecture a, InferenceRequest r, ModelPolicy policy)
    {
        checked
        {
            int s = r.Prompt, b = r.Batch, l = a.Layers, d = a.Hidden;
            var ops = new List<ModelOperator>
            {
                Memory("embedding", OperatorClass.Embedding, b, (long)s * d * 2),
                Vector("norm", OperatorClass.Norm, 2L * l * b + b, (long)s * d),
            };
            // The B prompts share each weight read: the block linears and the LM head run them as one matmul; attention is per sequence.
            ops.AddRange(AttentionLinears(a, s * b, l, outputBias: false));
            ops.AddRange(Mlp(a, s * b, 1));
            ops.Add(Vector("rope", OperatorClass.Rope, (long)l * b, (long)s * (a.Heads + a.KvHeads) * a.HeadDim));
            foreach (var (prefix, layers, window) in AttentionGroups(a))
            {
                long pairs = ModelArchitecture.CausalPairs(s, window), instances = (long)layers * b * a.KvHeads;
                // Full causal attention keeps its closed form (s + 1) / 2s, bit for bit what it was.
                double share = window == 0 || window >= s ? (s + 1) / (2.0 * s) : pairs / ((double)s * s);
                ops.Add(new ModelOperator(prefix + "qk", OperatorClass.Attention, OperandRole.Attention, instances, new LayerShape(a.GroupSize * s, a.HeadDim, s),
                    (long)layers * b * a.Heads * a.HeadDim * pairs, share));
                ops.Add(new ModelOperator(prefix + "pv", OperatorClass.Attention, OperandRole.Attention, instances, new LayerShape(a.GroupSize * s, s, a.HeadDim),
                    (long)layers * b * a.Heads * a.HeadDim * pairs, share));
                ops.Add(Vector(prefix + "softmax", OperatorClass.Softmax, (long)layers * b, pairs * a.Heads));
            }
            ops.Add(Vector("activation", OperatorClass.Activation, b, s * ActivationWidth(a)));
            ops.Add(Vector("residual", OperatorClass.Residual, 2L * l * b, (long)s * d));
            ops.Add(Memory("kv_write", OperatorClass.KvCache, (long)l * b, s * ModelWorkload.KvBytesPerToken(a, policy)));
            int head = r.LogitsAll ? s : 1;
            ops.Add(Matmul("lm_head", OperatorClass.LmHead, OperandRole.Edge, 1, new LayerShape(head * b, d, a.Vocab)));
            return ops;
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<ModelOperator> Decode(ModelArchitecture a, InferenceRequest r, ModelPolicy policy)
    {
        checked
        {
            int b = r.Batch, l = a.Layers, d = a.Hidden, t = r.Decode;
            var ops = new List<ModelOperator>();
            if (t == 0) return ops;
            ops.Add(Memory("embedding", OperatorClass.Embedding, t, (long)b * d * 2));
            ops.Add(Vector("norm", OperatorClass.Norm, (2L * l + 1) * t, (long)b * d));
            ops.AddRange(AttentionLinears(a, b, (long)l * t, outputBias: false));
            ops.AddRange(Mlp(a, b, t));
            ops.Add(Vector("rope", OperatorClass.Rope, (long)l * t, (long)b * (a.Heads + a.KvHeads) * a.HeadDim));
            foreach (var (prefix, layers, window) in AttentionGroups(a))
                for (int p = r.Prompt; p < r.Prompt + t; p++)
                {
                    int keys = (int)ModelArchitecture.KeysAt(p, window);
                    long instances = (long)layers * b * a.KvHeads;
                    ops.Add(Matmul($"{prefix}qk@{p}", OperatorClass.Attention, OperandRole.Attention, instances, new LayerShape(a.GroupSize, a.HeadDim, keys)));
                    ops.Add(Matmul($"{prefix}pv@{p}", OperatorClass.Attention, OperandRole.Attention, instances, new LayerShape(a.GroupSize, keys, a.HeadDim)));
                    ops.Add(Vector($"{prefix}softmax@{p}", OperatorClass.Softmax, (long)layers * b, (long)a.Heads * keys));
                }
            ops.Add(Vector("activation", OperatorClass.Activation, t, b * ActivationWidth(a)));
            ops.Add(Vector("residual", OperatorClass.Residual, 2L * l * t, (long)b * d));
            ops.Add(Memory("kv_write", OperatorClass.KvCache, (long)l * t, b * ModelWorkload.KvBytesPerToken(a, policy)));
            ops.Add(Matmul("lm_head", OperatorClass.LmHead, OperandRole.Edge, t, new LayerShape(b, d, a.Vocab)));
            return ops;
        }
    }

    /// <summary>The blocks by how they attend: full causal ones (no prefix), and windowed ones (<c>swa_</c>), each with its window; empty groups left out.</summary>
    private static IEnumerable<(string Prefix, int Layers, int Window)> AttentionGroups(ModelArchitecture a)
    {
        if (a.Layers > a.WindowedLayers) yield return ("", a.Layers - a.WindowedLayers, 0);
        if (a.WindowedLayers > 0) yield return ("swa_", a.WindowedLayers, a.SlidingWindow);
    }
}
