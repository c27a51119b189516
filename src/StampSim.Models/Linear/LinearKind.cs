namespace StampSim.Models.Linear;

/// <summary>The role of a linear layer inside its model; executors choose their policy by it.</summary>
public enum LinearKind
{
    /// <summary>Attention query projection (<c>attn.q</c>).</summary>
    AttnQ,
    /// <summary>Attention key projection (<c>attn.k</c>).</summary>
    AttnK,
    /// <summary>Attention value projection (<c>attn.v</c>).</summary>
    AttnV,
    /// <summary>Attention output projection (<c>attn.o</c>).</summary>
    AttnO,
    /// <summary>SwiGLU gate projection, <c>w1</c> (<c>mlp.gate</c>).</summary>
    MlpGate,
    /// <summary>SwiGLU up projection, <c>w3</c> (<c>mlp.up</c>).</summary>
    MlpUp,
    /// <summary>SwiGLU down projection, <c>w2</c> (<c>mlp.down</c>).</summary>
    MlpDown,
    /// <summary>First MLP layer of a GELU MLP (<c>mlp.fc1</c>).</summary>
    MlpFc1,
    /// <summary>Second MLP layer of a GELU MLP (<c>mlp.fc2</c>).</summary>
    MlpFc2,
    /// <summary>ViT patch embedding, a convolution applied as a linear layer over flattened patches (<c>patch_embed</c>).</summary>
    PatchEmbed,
    /// <summary>Image classification head (<c>classifier</c>).</summary>
    Classifier,
    /// <summary>Language-model head producing vocabulary logits (<c>lm_head</c>).</summary>
    LmHead,
    /// <summary>A linear layer whose role its names do not tell (an imported model's pooler, say) (<c>linear</c>).</summary>
    Linear,
}

/// <summary>Names and groupings of <see cref="LinearKind"/>.</summary>
public static class LinearKinds
{
    /// <summary>The dotted name used in traces and reports, e.g. <c>attn.q</c> or <c>mlp.down</c>.</summary>
    public static string Name(this LinearKind kind) => kind switch
    {
        LinearKind.AttnQ => "attn.q",
        LinearKind.AttnK => "attn.k",
        LinearKind.AttnV => "attn.v",
        LinearKind.AttnO => "attn.o",
        LinearKind.MlpGate => "mlp.gate",
        LinearKind.MlpUp => "mlp.up",
        LinearKind.MlpDown => "mlp.down",
        LinearKind.MlpFc1 => "mlp.fc1",
        LinearKind.MlpFc2 => "mlp.fc2",
        LinearKind.PatchEmbed => "patch_embed",
        LinearKind.Classifier => "classifier",
        LinearKind.LmHead => "lm_head",
        LinearKind.Linear => "linear",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// True for the layers outside the transformer blocks (patch embedding, classifier, LM head),
    /// which quantization studies customarily keep in high precision.
    /// </summary>
    public static bool IsOutsideBlocks(this LinearKind kind) =>
        kind is LinearKind.PatchEmbed or LinearKind.Classifier or LinearKind.LmHead;
}
