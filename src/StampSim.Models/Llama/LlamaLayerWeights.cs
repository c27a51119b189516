using StampSim.Tensors;

namespace StampSim.Models.Llama;

/// <summary>One transformer block's weights; linear weights are (out, in).</summary>
/// <param name="AttentionNorm">RMSNorm weight before attention (dim).</param>
/// <param name="Wq">Query projection (dim, dim).</param>
/// <param name="Wk">Key projection (kv_dim, dim).</param>
/// <param name="Wv">Value projection (kv_dim, dim).</param>
/// <param name="Wo">Output projection (dim, dim).</param>
/// <param name="FfnNorm">RMSNorm weight before the MLP (dim).</param>
/// <param name="W1">SwiGLU gate (hidden_dim, dim).</param>
/// <param name="W2">SwiGLU down (dim, hidden_dim).</param>
/// <param name="W3">SwiGLU up (hidden_dim, dim).</param>
public sealed record LlamaLayerWeights(
    float[] AttentionNorm, Matrix<float> Wq, Matrix<float> Wk, Matrix<float> Wv, Matrix<float> Wo,
    float[] FfnNorm, Matrix<float> W1, Matrix<float> W2, Matrix<float> W3);
