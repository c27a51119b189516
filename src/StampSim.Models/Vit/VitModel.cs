using System.Numerics.Tensors;
using StampSim.Models.Linear;
using StampSim.Models.Ops;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Tensors;

namespace StampSim.Models.Vit;

/// <summary>
/// A Hugging Face ViT image classifier: patch embedding (the convolution as a linear layer over
/// flattened patches), CLS token and position embeddings, pre-LayerNorm encoder blocks with
/// multi-head attention and an exact-GELU MLP, a final LayerNorm and the classifier on CLS. Every
/// linear layer goes through the <see cref="ILinearExecutor"/>; calls inside the blocks carry the
/// patch grid and one prefix token (CLS).
/// </summary>
public sealed class VitModel
{
    /// <summary>Creates a model from loaded weights; <paramref name="options"/> sets the threads of attention.</summary>
    public VitModel(VitConfig config, VitWeights weights, ExecutionOptions? options = null)
    {
        Config = config;
        Weights = weights;
        Options = options ?? ExecutionOptions.Default;
    }

    /// <summary>Hyper-parameters.</summary>
    public VitConfig Config { get; }

    /// <summary>Weights.</summary>
    public VitWeights Weights { get; }

    /// <summary>Threads for attention (never change a result).</summary>
    public ExecutionOptions Options { get; }

    /// <summary>Class logits for one preprocessed image, float32 CHW (channels, image_size, image_size).</summary>
    /// <exception cref="InputException">The image has the wrong size or a non-finite value.</exception>
    public float[] Forward(ReadOnlySpan<float> pixels, ILinearExecutor linear)
    {
        var c = Config;
        long expected = (long)c.Channels * c.ImageSize * c.ImageSize;
        if (pixels.Length != expected)
            throw new InputException($"image: {pixels.Length} values, expected {c.Channels}x{c.ImageSize}x{c.ImageSize} = {expected} (float32 CHW)");
        LayerInputs.RequireInRange(pixels, c.ImageSize, "image");
        var patches = Patchify(pixels);
        var embedded = linear.Linear(new LinearCall("vit.embeddings.patch_embeddings.projection", LinearKind.PatchEmbed, null,
            patches, Weights.PatchEmbedding.Weight, Weights.PatchEmbedding.Bias, c.Grid));

        var x = new Matrix<float>(c.Tokens, c.HiddenSize);
        Weights.ClsToken.CopyTo(x.Row(0));
        embedded.Span.CopyTo(x.Span[c.HiddenSize..]);
        TensorPrimitives.Add(x.Span, Weights.PositionEmbeddings.Span, x.Span);

        for (int l = 0; l < c.Layers; l++)
            Block(l, Weights.Layers[l], x, linear);

        var cls = LayerNorm.Apply(x, Weights.FinalNorm.Weight, Weights.FinalNorm.Bias, c.LayerNormEps, firstRow: 0, rows: 1);
        return linear.Linear(new LinearCall("classifier", LinearKind.Classifier, null, cls, Weights.Classifier.Weight, Weights.Classifier.Bias)).Data;
    }

    /// <summary>Flattened patches (grid tokens row-major, features in (channel, row, column) order, as the convolution weight).</summary>
    private Matrix<float> Patchify(ReadOnlySpan<float> pixels)
    {
        var c = Config;
        int p = c.PatchSize, side = c.GridSide, image = c.ImageSize;
        var patches = new Matrix<float>(side * side, c.PatchFeatures);
        for (int py = 0; py < side; py++)
        for (int px = 0; px < side; px++)
        {
            Span<float> row = patches.Row(py * side + px);
            for (int ch = 0; ch < c.Channels; ch++)
            for (int ky = 0; ky < p; ky++)
                pixels.Slice((ch * image + py * p + ky) * image + px * p, p).CopyTo(row.Slice((ch * p + ky) * p, p));
        }
        return patches;
    }

    private void Block(int l, VitLayerWeights w, Matrix<float> x, ILinearExecutor linear)
    {
        var c = Config;
        string p = $"vit.encoder.layer.{l}.";
        Matrix<float> Apply(string name, LinearKind kind, Matrix<float> input, LinearWeights weights) =>
            linear.Linear(new LinearCall(p + name, kind, l, input, weights.Weight, weights.Bias, c.Grid, prefixTokens: 1));

        var h = LayerNorm.Apply(x, w.NormBefore.Weight, w.NormBefore.Bias, c.LayerNormEps);
        var q = Apply("attention.attention.query", LinearKind.AttnQ, h, w.Query);
        var k = Apply("attention.attention.key", LinearKind.AttnK, h, w.Key);
        var v = Apply("attention.attention.value", LinearKind.AttnV, h, w.Value);
        var heads = MultiHeadAttention.Apply(q, k, v, c.Heads, c.Heads, causal: false, Options);
        var o = Apply("attention.output.dense", LinearKind.AttnO, heads, w.Output);
        TensorPrimitives.Add(x.Span, o.Span, x.Span);

        var g = LayerNorm.Apply(x, w.NormAfter.Weight, w.NormAfter.Bias, c.LayerNormEps);
        var hidden = Apply("intermediate.dense", LinearKind.MlpFc1, g, w.Intermediate);
        Activations.Gelu(hidden);
        var down = Apply("output.dense", LinearKind.MlpFc2, hidden, w.MlpOutput);
        TensorPrimitives.Add(x.Span, down.Span, x.Span);
    }
}
