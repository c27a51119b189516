namespace StampSim.ModelCost;

/// <summary>
/// The shape of a whole transformer, as far as its cost depends on it (from a Hugging Face
/// <c>config.json</c> or an embedded preset; <see cref="ArchitectureReader"/>).
/// </summary>
/// <param name="Name">Preset name or file.</param>
/// <param name="Family">Network kind (its registered descriptor).</param>
/// <param name="Hidden">Hidden size d.</param>
/// <param name="Intermediate">MLP width.</param>
/// <param name="Layers">Transformer blocks.</param>
/// <param name="Heads">Attention (query) heads.</param>
/// <param name="KvHeads">Key/value heads (grouped-query attention when fewer than <paramref name="Heads"/>).</param>
/// <param name="Vocab">Vocabulary (decoders) or classes (ViT); 0 when there is no head.</param>
/// <param name="QkvBias">Whether q, k, v have a bias.</param>
/// <param name="GatedMlp">SwiGLU (gate, up, down) rather than a two-layer GELU MLP.</param>
/// <param name="Tokens">Tokens of one pass for ViT (patches + CLS) and DiT (latent patches); 0 for decoders.</param>
/// <param name="PatchInputs">Inputs of the patch embedding per token (channels x patch x patch); 0 for decoders.</param>
/// <param name="OutputsPerToken">DiT: outputs of the final layer per token (out channels x patch x patch).</param>
/// <param name="TextTokens">DiT: text tokens the cross-attention reads.</param>
/// <param name="TextChannels">DiT: width of the text encoder's output (caption projection input).</param>
/// <param name="Source">Where the values come from.</param>
public sealed record ModelArchitecture(string Name, ModelFamily Family, int Hidden, int Intermediate, int Layers, int Heads, int KvHeads,
    int Vocab, bool QkvBias, bool GatedMlp, int Tokens, int PatchInputs, int OutputsPerToken, int TextTokens, int TextChannels, string Source)
{
    /// <summary>Width of one attention head: <c>head_dim</c> when the config gives it (Mistral-NeMo, Gemma, Qwen3), else hidden / heads.</summary>
    public int HeadDim { get; init; } = Hidden / Heads;

    /// <summary>Keys a query attends to in a sliding-window layer (<c>sliding_window</c>), or 0 for full causal attention.</summary>
    public int SlidingWindow { get; init; }

    /// <summary>How many of the blocks attend through <see cref="SlidingWindow"/> (the rest attend to every earlier token).</summary>
    public int WindowedLayers { get; init; }

    /// <summary>Positions the model was trained for (<c>max_position_embeddings</c>), or 0 when the config does not say.</summary>
    public int MaxPositions { get; init; }

    /// <summary>Whether the LM head shares the token embedding's table (<c>tie_word_embeddings</c>): one table in memory.</summary>
    public bool TiedEmbeddings { get; init; }

    /// <summary>The mixture of experts of a MoE decoder, or null for a dense MLP.</summary>
    public MoeShape? Moe { get; init; }

    /// <summary>Width of the queries of all heads (heads x head_dim; the input of <c>o</c>).</summary>
    public int QWidth => Heads * HeadDim;

    /// <summary>Width of the keys (and values) of all KV heads.</summary>
    public int KvWidth => KvHeads * HeadDim;

    /// <summary>Query heads per KV head.</summary>
    public int GroupSize => Heads / KvHeads;

    /// <summary>Keys a query at <paramref name="position"/> (0-based) attends to in a block with window <paramref name="window"/> (0: no window).</summary>
    public static long KeysAt(long position, int window) => window > 0 ? Math.Min(position + 1, window) : position + 1;

    /// <summary>Unmasked (query, key) pairs of a causal prompt of <paramref name="tokens"/> under <paramref name="window"/> (0: no window).</summary>
    public static long CausalPairs(long tokens, int window) => checked(window <= 0 || window >= tokens
        ? tokens * (tokens + 1) / 2
        : (long)window * (window + 1) / 2 + (tokens - window) * window);
}
