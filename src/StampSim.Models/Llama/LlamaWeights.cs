using StampSim.Tensors;

namespace StampSim.Models.Llama;

/// <summary>All weights of a LLaMA-architecture model.</summary>
/// <param name="TokenEmbedding">Token embedding (vocab, dim).</param>
/// <param name="Layers">Transformer blocks.</param>
/// <param name="FinalNorm">RMSNorm weight before the classifier (dim).</param>
/// <param name="Classifier">Output classifier (vocab, dim); the same instance as <paramref name="TokenEmbedding"/> when tied.</param>
public sealed record LlamaWeights(Matrix<float> TokenEmbedding, IReadOnlyList<LlamaLayerWeights> Layers, float[] FinalNorm, Matrix<float> Classifier)
{
    /// <summary>Every tensor with its Meta/llama2.c name, in llama2.c checkpoint order (the classifier only when untied).</summary>
    public IEnumerable<(string Name, float[] Data)> Named()
    {
        yield return ("tok_embeddings.weight", TokenEmbedding.Data);
        for (int l = 0; l < Layers.Count; l++)
        {
            var w = Layers[l];
            yield return ($"layers.{l}.attention_norm.weight", w.AttentionNorm);
            yield return ($"layers.{l}.attention.wq.weight", w.Wq.Data);
            yield return ($"layers.{l}.attention.wk.weight", w.Wk.Data);
            yield return ($"layers.{l}.attention.wv.weight", w.Wv.Data);
            yield return ($"layers.{l}.attention.wo.weight", w.Wo.Data);
            yield return ($"layers.{l}.ffn_norm.weight", w.FfnNorm);
            yield return ($"layers.{l}.feed_forward.w1.weight", w.W1.Data);
            yield return ($"layers.{l}.feed_forward.w2.weight", w.W2.Data);
            yield return ($"layers.{l}.feed_forward.w3.weight", w.W3.Data);
        }
        yield return ("norm.weight", FinalNorm);
        if (!ReferenceEquals(Classifier, TokenEmbedding)) yield return ("output.weight", Classifier.Data);
    }
}
