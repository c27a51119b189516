using StampSim.Models.Linear;

namespace StampSim.Models.Onnx;

/// <summary>
/// Sentence embeddings of an ONNX encoder under an executor: each sentence runs as if alone (batch 1, no
/// padding, so a sequence transform sees only that sentence's tokens) through a <see cref="SegmentedOnnxModel"/>,
/// and its output is pooled by <see cref="SentenceEmbedding"/>. Sentences go through in batches so each linear
/// is one executor call per batch instead of one per sentence; the embeddings are those of one sentence at a time.
/// </summary>
public static class OnnxEncoderEvaluation
{
    /// <summary>Sentences per batch: thousands of tiny golden calls become a few dozen, and a batch's activations stay small.</summary>
    public const int BatchSentences = 32;

    /// <summary>One embedding per feed set, in order; <paramref name="progress"/> hears (sentences done, in all), first (0, all), then after each batch.</summary>
    public static IReadOnlyList<double[]> Embed(SegmentedOnnxModel model, IReadOnlyList<IReadOnlyDictionary<string, OnnxTensor>> sentences, ILinearExecutor executor,
        Action<int, int>? progress = null)
    {
        var embeddings = new double[sentences.Count][];
        progress?.Invoke(0, sentences.Count);
        for (int start = 0; start < sentences.Count; start += BatchSentences)
        {
            var batch = sentences.Skip(start).Take(BatchSentences).ToList();
            var hidden = model.Run(batch, executor);
            for (int b = 0; b < batch.Count; b++)
                embeddings[start + b] = SentenceEmbedding.Pool(hidden[b], batch[b].GetValueOrDefault("attention_mask"));
            progress?.Invoke(start + batch.Count, sentences.Count);
        }
        return embeddings;
    }
}
