using StampSim.Numerics;

namespace StampSim.Models.Vit;

/// <summary>Hyper-parameters of a Hugging Face <c>ViTForImageClassification</c> model.</summary>
/// <param name="HiddenSize">Token width.</param>
/// <param name="Layers">Encoder blocks.</param>
/// <param name="Heads">Attention heads.</param>
/// <param name="IntermediateSize">MLP hidden width.</param>
/// <param name="ImageSize">Input side in pixels (square).</param>
/// <param name="PatchSize">Patch side in pixels.</param>
/// <param name="Channels">Input channels.</param>
/// <param name="NumLabels">Classes.</param>
/// <param name="LayerNormEps">LayerNorm epsilon.</param>
/// <param name="QkvBias">Whether query, key and value have biases.</param>
public sealed record VitConfig(int HiddenSize, int Layers, int Heads, int IntermediateSize, int ImageSize, int PatchSize, int Channels,
    int NumLabels, double LayerNormEps, bool QkvBias)
{
    /// <summary>Patches along each side.</summary>
    public int GridSide => ImageSize / PatchSize;

    /// <summary>The patch-token grid.</summary>
    public TokenGrid Grid => new(GridSide, GridSide);

    /// <summary>Tokens: the CLS token, then the patches row-major.</summary>
    public int Tokens => GridSide * GridSide + 1;

    /// <summary>Features of one flattened patch (channel, row, column).</summary>
    public int PatchFeatures => Channels * PatchSize * PatchSize;

    /// <summary>Throws when the hyper-parameters cannot describe a model; <paramref name="source"/> names the file.</summary>
    public VitConfig Validate(string source)
    {
        void Require(bool ok, string what)
        {
            if (!ok) throw new InputException($"{source}: {what}");
        }
        Require(HiddenSize > 0 && Layers > 0 && Heads > 0 && IntermediateSize > 0 && Channels > 0 && NumLabels > 0, "every dimension must be positive");
        Require(HiddenSize % Heads == 0, $"hidden_size {HiddenSize} must be a multiple of num_attention_heads {Heads}");
        Require(PatchSize > 0 && ImageSize >= PatchSize && ImageSize % PatchSize == 0, $"image_size {ImageSize} must be a positive multiple of patch_size {PatchSize}");
        Require(LayerNormEps > 0, "layer_norm_eps must be positive");
        return this;
    }
}
