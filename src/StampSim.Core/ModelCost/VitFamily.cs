using StampSim.Hardware;
using StampSim.Io;
using StampSim.Numerics;
using static StampSim.ModelCost.ModelOperators;

namespace StampSim.ModelCost;

/// <summary><c>vit</c>: a ViT encoder, one unmasked pass over the patch tokens and the CLS token.</summary>
public sealed class VitFamily : ModelFamily
{
    /// <inheritdoc />
    public override string Name => "vit";

    /// <inheritdoc />
    public override string Title => "Vit";

    /// <inheritdoc />
    public override IReadOnlyList<string> ModelTypes { get; } = ["vit"];

    /// <inheritdoc />
    public override ModelArchitecture Read(HfConfigJson k, string name, string modelType)
    {
        int image = k.Positive("image_size"), patch = k.Positive("patch_size"), channels = k.Positive("num_channels", 3);
        if (image % patch != 0) throw new InputException($"{k.Source}: patch_size: {patch} does not divide image_size {image}");
        int heads = k.Positive("num_attention_heads");
        return new ModelArchitecture(name, this, k.Positive("hidden_size"), k.Positive("intermediate_size"), k.Positive("num_hidden_layers"),
            heads, heads, k.Labels(), k.Bool("qkv_bias", true), GatedMlp: false, Tokens: (image / patch) * (image / patch) + 1,
            PatchInputs: channels * patch * patch, OutputsPerToken: 0, TextTokens: 0, TextChannels: 0, Source: k.Source)
        {
            HeadDim = HeadDim(k, k.Positive("hidden_size"), heads),
        };
    }

    /// <inheritdoc />
    public override IReadOnlyList<ModelOperator> Prefill(ModelArchitecture a, InferenceRequest r, ModelPolicy policy)
    {
        int n = a.Tokens, b = r.Batch, l = a.Layers, d = a.Hidden;
        var ops = new List<ModelOperator>
        {
            Matmul("patch_embedding", OperatorClass.Embedding, OperandRole.Edge, b, new LayerShape(n - 1, a.PatchInputs, d, HasBias: true)),
            Vector("norm", OperatorClass.Norm, 2L * l * b + b, (long)n * d),
        };
        ops.AddRange(BlockLinears(a, n, (long)l * b, outputBias: true));
        ops.AddRange(FullAttention("", a, n, n, (long)l * b));
        ops.Add(Vector("activation", OperatorClass.Activation, (long)l * b, (long)n * a.Intermediate));
        ops.Add(Vector("residual", OperatorClass.Residual, 2L * l * b, (long)n * d));
        ops.Add(Matmul("classifier", OperatorClass.LmHead, OperandRole.Edge, b, new LayerShape(1, d, a.Vocab, HasBias: true)));
        return ops;
    }
}
