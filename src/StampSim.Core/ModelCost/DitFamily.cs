using StampSim.Hardware;
using StampSim.Io;
using StampSim.Numerics;
using static StampSim.ModelCost.ModelOperators;

namespace StampSim.ModelCost;

/// <summary>
/// <c>dit</c>: a diffusion transformer (PixArt), self-attention over latent patches and cross-attention to
/// text tokens, one pass per diffusion step (StampSim's <c>pixart_dit</c> config form).
/// </summary>
public sealed class DitFamily : ModelFamily
{
    /// <inheritdoc />
    public override string Name => "dit";

    /// <inheritdoc />
    public override string Title => "Dit";

    /// <inheritdoc />
    public override IReadOnlyList<string> ModelTypes { get; } = ["pixart_dit"];

    /// <inheritdoc />
    public override bool Diffuses => true;

    /// <inheritdoc />
    public override ModelArchitecture Read(HfConfigJson k, string name, string modelType)
    {
        int sample = k.Positive("sample_size"), patch = k.Positive("patch_size");
        if (sample % patch != 0) throw new InputException($"{k.Source}: patch_size: {patch} does not divide sample_size {sample}");
        int heads = k.Positive("num_attention_heads");
        return new ModelArchitecture(name, this, k.Positive("hidden_size"), k.Positive("intermediate_size"), k.Positive("num_hidden_layers"),
            heads, heads, Vocab: 0, QkvBias: true, GatedMlp: false, Tokens: (sample / patch) * (sample / patch),
            PatchInputs: k.Positive("in_channels") * patch * patch, OutputsPerToken: k.Positive("out_channels") * patch * patch,
            TextTokens: k.Positive("text_tokens"), TextChannels: k.Positive("caption_channels"), Source: k.Source)
        {
            HeadDim = HeadDim(k, k.Positive("hidden_size"), heads),
        };
    }

    /// <inheritdoc />
    public override IReadOnlyList<ModelOperator> Prefill(ModelArchitecture a, InferenceRequest r, ModelPolicy policy)
    {
        int n = a.Tokens, text = a.TextTokens, b = r.Batch, l = a.Layers, d = a.Hidden;
        long passes = (long)b * r.Steps;
        var ops = new List<ModelOperator>
        {
            // The caption projection runs once per prompt; everything else once per step.
            Matmul("caption_projection", OperatorClass.Embedding, OperandRole.Edge, b, new LayerShape(text, a.TextChannels, d, HasBias: true)),
            Matmul("caption_projection_2", OperatorClass.Embedding, OperandRole.Edge, b, new LayerShape(text, d, d, HasBias: true)),
            Matmul("timestep_embedding", OperatorClass.Embedding, OperandRole.Edge, passes, new LayerShape(1, 256, d, HasBias: true)),
            Matmul("timestep_embedding_2", OperatorClass.Embedding, OperandRole.Edge, passes, new LayerShape(1, d, d, HasBias: true)),
            Matmul("adaln_single", OperatorClass.Embedding, OperandRole.Edge, passes, new LayerShape(1, d, 6 * d, HasBias: true)),
            Matmul("patch_embedding", OperatorClass.Embedding, OperandRole.Edge, passes, new LayerShape(n, a.PatchInputs, d, HasBias: true)),
            Vector("norm", OperatorClass.Norm, 2L * l * passes + passes, (long)n * d),
        };
        ops.AddRange(BlockLinears(a, n, (long)l * passes, outputBias: true));
        ops.Add(Matmul("cross_q", OperatorClass.Linear, OperandRole.BlockLinear, (long)l * passes, new LayerShape(n, d, d, HasBias: true)));
        ops.Add(Matmul("cross_k", OperatorClass.Linear, OperandRole.BlockLinear, (long)l * passes, new LayerShape(text, d, d, HasBias: true)));
        ops.Add(Matmul("cross_v", OperatorClass.Linear, OperandRole.BlockLinear, (long)l * passes, new LayerShape(text, d, d, HasBias: true)));
        ops.Add(Matmul("cross_o", OperatorClass.Linear, OperandRole.BlockLinear, (long)l * passes, new LayerShape(n, d, d, HasBias: true)));
        ops.AddRange(FullAttention("", a, n, n, (long)l * passes));
        ops.AddRange(FullAttention("cross_", a, n, text, (long)l * passes));
        ops.Add(Vector("activation", OperatorClass.Activation, (long)l * passes, (long)n * a.Intermediate));
        ops.Add(Vector("residual", OperatorClass.Residual, 3L * l * passes, (long)n * d));
        ops.Add(Matmul("final_layer", OperatorClass.LmHead, OperandRole.Edge, passes, new LayerShape(n, d, a.OutputsPerToken, HasBias: true)));
        return ops;
    }
}
