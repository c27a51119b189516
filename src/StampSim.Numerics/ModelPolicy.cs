namespace StampSim.Numerics;

/// <summary>
/// The numerics of a whole model's operators besides the linear layers of prefill (which run the
/// configured STaMP numerics): the config's <c>model:</c> section. Defaults follow the paper's
/// W4A4KV4 setting.
/// </summary>
public sealed record ModelPolicy
{
    /// <summary>
    /// Activation bits of the decode linears under STaMP: a single token has no sequence to transform,
    /// so STaMP falls back to uniform per-token quantization at these bits (8, or 4).
    /// </summary>
    public int DecodeActBits { get; init; } = 8;

    /// <summary>Bits of the KV cache (keys and values, per-token, per-head scales).</summary>
    public int KvBits { get; init; } = 4;

    /// <summary>Bits of the other operand of the attention matmuls: queries (QK^T) and softmax probabilities (PV).</summary>
    public int AttentionActBits { get; init; } = 8;

    /// <summary>Activation bits of the layers outside the blocks: embeddings that are matmuls (patch, caption) and the LM head or classifier.</summary>
    public int EdgeActBits { get; init; } = 8;
}
