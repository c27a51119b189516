namespace StampSim.ModelCost;

/// <summary>What an operator of a whole model is, for the breakdown of time and energy.</summary>
public enum OperatorClass
{
    /// <summary>The linear layers inside the blocks (q, k, v, o, MLP; cross-attention projections).</summary>
    Linear,
    /// <summary>The attention matmuls QK^T and PV.</summary>
    Attention,
    /// <summary>The LM head (decoders), classifier (ViT) or final layer (DiT).</summary>
    LmHead,
    /// <summary>Token embedding lookups and the matmul embeddings (patches, captions, timestep).</summary>
    Embedding,
    /// <summary>Softmax of the attention scores (vector unit).</summary>
    Softmax,
    /// <summary>RMSNorm / LayerNorm (vector unit).</summary>
    Norm,
    /// <summary>Rotary position embedding of queries and keys (vector unit).</summary>
    Rope,
    /// <summary>MLP activation and gating (vector unit).</summary>
    Activation,
    /// <summary>Residual adds (vector unit).</summary>
    Residual,
    /// <summary>Writing keys and values to the KV cache in DRAM.</summary>
    KvCache,
}

/// <summary>The two phases of generation; ViT and DiT run prefill only (one pass per image or step).</summary>
public enum Phase
{
    /// <summary>The prompt (or the image, or one diffusion step), all tokens at once.</summary>
    Prefill,
    /// <summary>One token per step with the KV cache.</summary>
    Decode,
}

/// <summary>Which numerics an operator's matmul runs under.</summary>
public enum OperandRole
{
    /// <summary>A linear layer inside the blocks: STaMP (or a baseline) in prefill, the decode fallback in decode.</summary>
    BlockLinear,
    /// <summary>An attention matmul: activations at <c>attention_act_bits</c> against the KV cache at <c>kv_bits</c>.</summary>
    Attention,
    /// <summary>A matmul outside the blocks: uniform at <c>edge_act_bits</c>.</summary>
    Edge,
    /// <summary>No matmul: vector unit or memory only.</summary>
    None,
}
