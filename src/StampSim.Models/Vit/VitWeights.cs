using StampSim.Tensors;

namespace StampSim.Models.Vit;

/// <summary>A linear layer's weight (out, in) and optional bias (out).</summary>
/// <param name="Weight">Weight, PyTorch layout.</param>
/// <param name="Bias">Bias, or null.</param>
public sealed record LinearWeights(Matrix<float> Weight, float[]? Bias);

/// <summary>A LayerNorm's scale and shift.</summary>
/// <param name="Weight">Scale.</param>
/// <param name="Bias">Shift.</param>
public sealed record NormWeights(float[] Weight, float[] Bias);

/// <summary>One encoder block (pre-LayerNorm).</summary>
/// <param name="NormBefore">LayerNorm before attention.</param>
/// <param name="Query">Query projection.</param>
/// <param name="Key">Key projection.</param>
/// <param name="Value">Value projection.</param>
/// <param name="Output">Attention output projection.</param>
/// <param name="NormAfter">LayerNorm before the MLP.</param>
/// <param name="Intermediate">MLP first layer (fc1).</param>
/// <param name="MlpOutput">MLP second layer (fc2).</param>
public sealed record VitLayerWeights(NormWeights NormBefore, LinearWeights Query, LinearWeights Key, LinearWeights Value, LinearWeights Output,
    NormWeights NormAfter, LinearWeights Intermediate, LinearWeights MlpOutput);

/// <summary>All weights of a ViT classifier.</summary>
/// <param name="ClsToken">The CLS token embedding (hidden).</param>
/// <param name="PositionEmbeddings">Position embeddings (tokens, hidden).</param>
/// <param name="PatchEmbedding">The patch convolution as a linear layer over flattened patches (hidden, channels·patch²).</param>
/// <param name="Layers">Encoder blocks.</param>
/// <param name="FinalNorm">LayerNorm after the encoder.</param>
/// <param name="Classifier">Classification head on the CLS token.</param>
public sealed record VitWeights(float[] ClsToken, Matrix<float> PositionEmbeddings, LinearWeights PatchEmbedding,
    IReadOnlyList<VitLayerWeights> Layers, NormWeights FinalNorm, LinearWeights Classifier);
