using StampSim.Models.Linear;

namespace StampSim.Models.Onnx;

/// <summary>
/// Sentence embeddings of an ONNX encoder under an executor: each sentence runs alone (batch 1, no
/// padding, so a sequence transform sees only that sentence's tokens) through a
/// <see cref="SegmentedOnnxModel"/>, and its output is pooled by <see cref="SentenceEmbedding"/>.
/// </summary>
public static class OnnxEncoderEvaluation
{
    /// <summary>One embedding per feed set, in order; <paramref name="progress"/> hears (sentences done, in all), first (0, all), then after each.</summary>
    public static IReadOnlyList<double[]> Embed(SegmentedOnnxModel model, IReadOnlyList<IReadOnlyDictionary<string, OnnxTensor>> sentences, ILinearExecutor executor,
        Action<int, int>? progress = null)
    {
        var embeddings = new double[sentences.Count][];
        progress?.Invoke(0, sentences.Count);
        for (int i = 0; i < sentences.Count; i++)
        {
            embeddings[i] = SentenceEmbedding.Pool(model.Run(sentences[i], executor), sentences[i].GetValueOrDefault("attention_mask"));
            progress?.Invoke(i + 1, sentences.Count);
        }
        return embeddings;
    }
}
