namespace StampSim.Inference;

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
    /// <summary>Width of one attention head.</summary>
    public int HeadDim => Hidden / Heads;

    /// <summary>Width of the keys (and values) of all KV heads.</summary>
    public int KvWidth => KvHeads * HeadDim;

    /// <summary>Query heads per KV head.</summary>
    public int GroupSize => Heads / KvHeads;
}
