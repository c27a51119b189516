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
/// the <see cref="ILinearExecutor"/> passed to <see cref="Forward(IReadOnlyList{int[]}, ILinearExecutor)"/>.
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
    public Matrix<float> Forward(ReadOnlySpan<int> tokens, ILinearExecutor linear) => Forward([tokens.ToArray()], linear)[0];

    /// <summary>
    /// Logits for each of a batch of independent sequences, each exactly as if it ran alone: every linear is one
    /// executor call over all sequences' tokens, stacked as a <see cref="SequenceBatch"/> (each sequence transformed
    /// and quantized on its own), while normalisation, RoPE and causal attention run per sequence.
    /// </summary>
    /// <exception cref="InputException">No sequence, or one is empty, longer than <c>seq_len</c>, or has an id outside the vocabulary.</exception>
    public IReadOnlyList<Matrix<float>> Forward(IReadOnlyList<int[]> sequences, ILinearExecutor linear)
    {
        var c = Config;
        if (sequences.Count == 0) throw new InputException("tokens: no sequence to run");
        var batch = new SequenceBatch(sequences.Select((t, k) => Validate(t, sequences.Count == 1 ? "tokens" : $"sequences[{k}]")).ToArray());
        var x = new Matrix<float>(batch.Tokens, c.Dim);
        for (int k = 0; k < sequences.Count; k++)
            for (int i = 0; i < sequences[k].Length; i++)
                Weights.TokenEmbedding.Row(sequences[k][i]).CopyTo(x.Row(batch.Offsets[k] + i));
        var rope = new LlamaRope(batch.Lengths.Max(), c.HeadSize, c.RopeTheta);
        for (int l = 0; l < c.Layers; l++)
            Block(l, Weights.Layers[l], x, batch, rope, linear);
        var final = RmsNorm.Apply(x, Weights.FinalNorm, c.NormEps);
        var logits = linear.Linear(new LinearCall("output", LinearKind.LmHead, null, final, Weights.Classifier, null, sequences: batch));
        if (batch.Count == 1) return [logits];
        return Enumerable.Range(0, batch.Count)
            .Select(k => new Matrix<float>(batch.Lengths[k], logits.Cols, batch.Rows(logits.Span, k, logits.Cols).ToArray())).ToArray();
    }

    // The length of a sequence the model can run; `where` names it in the message.
    private int Validate(int[] tokens, string where)
    {
        var c = Config;
        if (tokens.Length == 0 || tokens.Length > c.SeqLen)
            throw new InputException($"{where}: a sequence of {tokens.Length} tokens; the model takes 1..{c.SeqLen} (seq_len)");
        for (int i = 0; i < tokens.Length; i++)
            if ((uint)tokens[i] >= (uint)c.VocabSize)
                throw new InputException($"{where}[{i}]: id {tokens[i]} is outside the vocabulary 0..{c.VocabSize - 1}");
        return tokens.Length;
    }

    private void Block(int l, LlamaLayerWeights w, Matrix<float> x, SequenceBatch batch, LlamaRope rope, ILinearExecutor linear)
    {
        var c = Config;
        string attention = $"layers.{l}.attention.", mlp = $"layers.{l}.feed_forward.";
        Matrix<float> Apply(string name, LinearKind kind, Matrix<float> input, Matrix<float> weight) =>
            linear.Linear(new LinearCall(name, kind, l, input, weight, null, sequences: batch));

        var h = RmsNorm.Apply(x, w.AttentionNorm, c.NormEps);
        var q = Apply(attention + "wq", LinearKind.AttnQ, h, w.Wq);
        var k = Apply(attention + "wk", LinearKind.AttnK, h, w.Wk);
        var v = Apply(attention + "wv", LinearKind.AttnV, h, w.Wv);
        rope.Apply(q, batch);
        rope.Apply(k, batch);
        var heads = MultiHeadAttention.Apply(q, k, v, c.Heads, c.KvHeads, causal: true, batch, Options);
        var o = Apply(attention + "wo", LinearKind.AttnO, heads, w.Wo);
        TensorPrimitives.Add(x.Span, o.Span, x.Span);

        var g = RmsNorm.Apply(x, w.FfnNorm, c.NormEps);
        var gate = Apply(mlp + "w1", LinearKind.MlpGate, g, w.W1);
        var up = Apply(mlp + "w3", LinearKind.MlpUp, g, w.W3);
        Activations.SiluGate(gate, up);
        var down = Apply(mlp + "w2", LinearKind.MlpDown, gate, w.W2);
        TensorPrimitives.Add(x.Span, down.Span, x.Span);
    }
}
