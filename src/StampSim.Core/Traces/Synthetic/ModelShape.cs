namespace StampSim.Traces.Synthetic;

/// <summary>One linear layer of a transformer block: its name, the activation it reads and its shape.</summary>
/// <param name="Name">Module path inside the block, e.g. <c>self_attn.q_proj</c>.</param>
/// <param name="Kind">What it computes, as trace layers name it (e.g. <c>attn.q</c>).</param>
/// <param name="Input">The activation it reads; consecutive layers naming the same input share one tensor.</param>
/// <param name="Features">Input features d.</param>
/// <param name="Outputs">Output features n.</param>
public sealed record BlockLinear(string Name, string Kind, string Input, int Features, int Outputs);

/// <summary>The linear layers of one block of a known model at a prefill length, for model-scale synthetic traces.</summary>
/// <param name="Name">The shape's name on the command line.</param>
/// <param name="Tokens">Prefill tokens s.</param>
/// <param name="Layers">The block's linear layers in execution order.</param>
public sealed record ModelShape(string Name, int Tokens, IReadOnlyList<BlockLinear> Layers)
{
    /// <summary>Llama-3-8B at s = 2048: q, k, v, o of the attention (GQA: k and v project to 1024) and the SwiGLU MLP.</summary>
    public static ModelShape Llama3_8B => new("llama-3-8b", 2048,
    [
        new("self_attn.q_proj", "attn.q", "attn_in", 4096, 4096),
        new("self_attn.k_proj", "attn.k", "attn_in", 4096, 1024),
        new("self_attn.v_proj", "attn.v", "attn_in", 4096, 1024),
        new("self_attn.o_proj", "attn.o", "attn_out", 4096, 4096),
        new("mlp.gate_proj", "mlp.gate", "mlp_in", 4096, 14336),
        new("mlp.up_proj", "mlp.up", "mlp_in", 4096, 14336),
        new("mlp.down_proj", "mlp.down", "mlp_act", 14336, 4096),
    ]);

    /// <summary>Multiply-accumulates of one block.</summary>
    public long MacsPerBlock => Layers.Sum(l => (long)Tokens * l.Features * l.Outputs);

    /// <summary>The shape called <paramref name="name"/>.</summary>
    /// <exception cref="InputException">No shape has that name.</exception>
    public static ModelShape Parse(string name) => name.ToLowerInvariant() switch
    {
        "llama-3-8b" or "llama3-8b" => Llama3_8B,
        _ => throw new InputException($"--model-shape: unknown model shape '{name}' (expected llama-3-8b)"),
    };
}
