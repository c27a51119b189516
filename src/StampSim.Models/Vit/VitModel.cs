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
    public float[] Forward(ReadOnlySpan<float> pixels, ILinearExecutor linear) => Forward([pixels.ToArray()], linear)[0];

    /// <summary>
    /// Class logits for each of a batch of preprocessed images (float32 CHW), each exactly as if it ran alone: every
    /// linear is one executor call over all images' tokens, stacked as a <see cref="SequenceBatch"/> (each image's
    /// tokens transformed and quantized on their own), while normalisation and attention run per image.
    /// </summary>
    /// <exception cref="InputException">An image has the wrong size or a non-finite value.</exception>
    public IReadOnlyList<float[]> Forward(IReadOnlyList<float[]> images, ILinearExecutor linear)
    {
        var c = Config;
        long expected = (long)c.Channels * c.ImageSize * c.ImageSize;
        foreach (var pixels in images)
        {
            if (pixels.Length != expected)
                throw new InputException($"image: {pixels.Length} values, expected {c.Channels}x{c.ImageSize}x{c.ImageSize} = {expected} (float32 CHW)");
            LayerInputs.RequireInRange(pixels, c.ImageSize, "image");
        }
        int b = images.Count, t = c.Tokens, grid = c.Grid.Count;
        var patches = new Matrix<float>(b * grid, c.PatchFeatures);
        for (int i = 0; i < b; i++)
            Patchify(images[i], patches.Span.Slice(i * grid * c.PatchFeatures, grid * c.PatchFeatures));
        var embedded = linear.Linear(new LinearCall("vit.embeddings.patch_embeddings.projection", LinearKind.PatchEmbed, null,
            patches, Weights.PatchEmbedding.Weight, Weights.PatchEmbedding.Bias, c.Grid, sequences: Batch(b, grid)));

        var x = new Matrix<float>(b * t, c.HiddenSize);
        for (int i = 0; i < b; i++)
        {
            var image = x.Span.Slice(i * t * c.HiddenSize, t * c.HiddenSize);
            Weights.ClsToken.CopyTo(image);
            embedded.Span.Slice(i * grid * c.HiddenSize, grid * c.HiddenSize).CopyTo(image[c.HiddenSize..]);
            TensorPrimitives.Add(image, Weights.PositionEmbeddings.Span, image);
        }

        for (int l = 0; l < c.Layers; l++)
            Block(l, Weights.Layers[l], x, b, linear);

        var cls = new Matrix<float>(b, c.HiddenSize);
        for (int i = 0; i < b; i++)
            LayerNorm.Apply(x, Weights.FinalNorm.Weight, Weights.FinalNorm.Bias, c.LayerNormEps, firstRow: i * t, rows: 1).Span.CopyTo(cls.Row(i));
        var logits = linear.Linear(new LinearCall("classifier", LinearKind.Classifier, null, cls, Weights.Classifier.Weight, Weights.Classifier.Bias,
            sequences: Batch(b, 1)));
        return Enumerable.Range(0, b).Select(i => logits.Row(i).ToArray()).ToArray();
    }

    // One sequence of `tokens` per image.
    private static SequenceBatch Batch(int images, int tokens) => new(Enumerable.Repeat(tokens, images).ToArray());

    /// <summary>Flattened patches into <paramref name="patches"/> (grid tokens row-major, features in (channel, row, column) order, as the convolution weight).</summary>
    private void Patchify(ReadOnlySpan<float> pixels, Span<float> patches)
    {
        var c = Config;
        int p = c.PatchSize, side = c.GridSide, image = c.ImageSize, features = c.PatchFeatures;
        for (int py = 0; py < side; py++)
        for (int px = 0; px < side; px++)
        {
            Span<float> row = patches.Slice((py * side + px) * features, features);
            for (int ch = 0; ch < c.Channels; ch++)
            for (int ky = 0; ky < p; ky++)
                pixels.Slice((ch * image + py * p + ky) * image + px * p, p).CopyTo(row.Slice((ch * p + ky) * p, p));
        }
    }

    private void Block(int l, VitLayerWeights w, Matrix<float> x, int images, ILinearExecutor linear)
    {
        var c = Config;
        string p = $"vit.encoder.layer.{l}.";
        var sequences = Batch(images, c.Tokens);
        Matrix<float> Apply(string name, LinearKind kind, Matrix<float> input, LinearWeights weights) =>
            linear.Linear(new LinearCall(p + name, kind, l, input, weights.Weight, weights.Bias, c.Grid, prefixTokens: 1, sequences));

        var h = LayerNorm.Apply(x, w.NormBefore.Weight, w.NormBefore.Bias, c.LayerNormEps);
        var q = Apply("attention.attention.query", LinearKind.AttnQ, h, w.Query);
        var k = Apply("attention.attention.key", LinearKind.AttnK, h, w.Key);
        var v = Apply("attention.attention.value", LinearKind.AttnV, h, w.Value);
        var heads = MultiHeadAttention.Apply(q, k, v, c.Heads, c.Heads, causal: false, sequences, Options);
        var o = Apply("attention.output.dense", LinearKind.AttnO, heads, w.Output);
        TensorPrimitives.Add(x.Span, o.Span, x.Span);

        var g = LayerNorm.Apply(x, w.NormAfter.Weight, w.NormAfter.Bias, c.LayerNormEps);
        var hidden = Apply("intermediate.dense", LinearKind.MlpFc1, g, w.Intermediate);
        Activations.Gelu(hidden);
        var down = Apply("output.dense", LinearKind.MlpFc2, hidden, w.MlpOutput);
        TensorPrimitives.Add(x.Span, down.Span, x.Span);
    }
}
