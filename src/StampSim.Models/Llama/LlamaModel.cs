using System.Numerics.Tensors;
using StampSim.Models.Linear;
using StampSim.Models.Ops;
using StampSim.Numerics;
using StampSim.Tensors;

namespace StampSim.Models.Llama;

/// <summary>
/// A LLaMA-architecture language model evaluated over a whole sequence at once (prefill), since
/// the STaMP transform works along the sequence: RMSNorm, RoPE (interleaved pairs), grouped-query
/// causal attention, SwiGLU MLP, final RMSNorm and the classifier. Every linear layer goes through
/// the <see cref="ILinearExecutor"/> passed to <see cref="Forward"/>.
/// </summary>
public sealed class LlamaModel
{
    /// <summary>Creates a model from loaded weights; <paramref name="options"/> sets the threads of the non-linear parts.</summary>
    public LlamaModel(LlamaConfig config, LlamaWeights weights, ExecutionOptions? options = null)
    {
        Config = config;
        Weights = weights;
        Options = options ?? ExecutionOptions.Default;
    }

    /// <summary>Hyper-parameters.</summary>
    public LlamaConfig Config { get; }

    /// <summary>Weights.</summary>
    public LlamaWeights Weights { get; }

    /// <summary>Threads for attention (never change a result).</summary>
    public ExecutionOptions Options { get; }

    /// <summary>
    /// Logits (tokens, vocab) for every position of <paramref name="tokens"/> (row i predicts token i+1).
    /// Layer names in the calls are the weight names without <c>.weight</c>; the classifier is
    /// <c>output</c> (Meta's name, also when tied to the embedding).
    /// </summary>
    /// <exception cref="InputException">The sequence is empty, longer than <c>seq_len</c>, or has an id outside the vocabulary.</exception>
    public Matrix<float> Forward(ReadOnlySpan<int> tokens, ILinearExecutor linear)
    {
        var c = Config;
        if (tokens.Length == 0 || tokens.Length > c.SeqLen)
            throw new InputException($"tokens: a sequence of {tokens.Length} tokens; the model takes 1..{c.SeqLen} (seq_len)");
        var x = new Matrix<float>(tokens.Length, c.Dim);
        for (int i = 0; i < tokens.Length; i++)
        {
            if ((uint)tokens[i] >= (uint)c.VocabSize)
                throw new InputException($"tokens[{i}]: id {tokens[i]} is outside the vocabulary 0..{c.VocabSize - 1}");
            Weights.TokenEmbedding.Row(tokens[i]).CopyTo(x.Row(i));
        }
        var rope = new LlamaRope(tokens.Length, c.HeadSize, c.RopeTheta);
        for (int l = 0; l < c.Layers; l++)
            Block(l, Weights.Layers[l], x, rope, linear);
        var final = RmsNorm.Apply(x, Weights.FinalNorm, c.NormEps);
        return linear.Linear(new LinearCall("output", LinearKind.LmHead, null, final, Weights.Classifier, null));
    }

    private void Block(int l, LlamaLayerWeights w, Matrix<float> x, LlamaRope rope, ILinearExecutor linear)
    {
        var c = Config;
        string attention = $"layers.{l}.attention.", mlp = $"layers.{l}.feed_forward.";
        var h = RmsNorm.Apply(x, w.AttentionNorm, c.NormEps);
        var q = linear.Linear(new LinearCall(attention + "wq", LinearKind.AttnQ, l, h, w.Wq, null));
        var k = linear.Linear(new LinearCall(attention + "wk", LinearKind.AttnK, l, h, w.Wk, null));
        var v = linear.Linear(new LinearCall(attention + "wv", LinearKind.AttnV, l, h, w.Wv, null));
        rope.Apply(q);
        rope.Apply(k);
        var heads = MultiHeadAttention.Apply(q, k, v, c.Heads, c.KvHeads, causal: true, Options);
        var o = linear.Linear(new LinearCall(attention + "wo", LinearKind.AttnO, l, heads, w.Wo, null));
        TensorPrimitives.Add(x.Span, o.Span, x.Span);

        var g = RmsNorm.Apply(x, w.FfnNorm, c.NormEps);
        var gate = linear.Linear(new LinearCall(mlp + "w1", LinearKind.MlpGate, l, g, w.W1, null));
        var up = linear.Linear(new LinearCall(mlp + "w3", LinearKind.MlpUp, l, g, w.W3, null));
        Activations.SiluGate(gate, up);
        var down = linear.Linear(new LinearCall(mlp + "w2", LinearKind.MlpDown, l, gate, w.W2, null));
        TensorPrimitives.Add(x.Span, down.Span, x.Span);
    }
}
