using StampSim.Numerics;

namespace StampSim.Traces;

/// <summary>One linear layer of a trace: the keys of its input activations, weight and bias, and how its tokens are laid out.</summary>
/// <param name="Name">Unique layer name, e.g. the module path <c>model.layers.0.self_attn.q_proj</c>.</param>
/// <param name="Kind">What the layer computes, e.g. <c>attn.q</c> or <c>mlp.down</c>.</param>
/// <param name="Block">Transformer block index, or null for layers outside the blocks.</param>
/// <param name="Activation">Key of the input activations <c>(s, d)</c>; layers sharing an input share the key.</param>
/// <param name="Weight">Key of the weight <c>(n, d)</c>; null only for a bare activation file given without <c>--weight</c>.</param>
/// <param name="Bias">Key of the bias <c>(n)</c>, or null.</param>
/// <param name="Grid">Token grid of image tokens, or null for a plain sequence.</param>
/// <param name="Prefix">Leading non-grid tokens (e.g. a CLS token) ahead of the grid tokens.</param>
public sealed record TraceLayer(string Name, string Kind, int? Block, string Activation, string? Weight, string? Bias,
    TokenGrid? Grid = null, int Prefix = 0)
{
    /// <summary>
    /// The numerics this layer runs under: for <c>haar2d</c>, a layer with a grid takes
    /// <c>numerics.grid</c> and <c>numerics.prefix_tokens</c> from the trace (its CLS tokens kept aside);
    /// every other setting is left as configured.
    /// </summary>
    public NumericsConfig NumericsFor(NumericsConfig numerics) => numerics.OnLayerGrid(Grid, Prefix);
}
