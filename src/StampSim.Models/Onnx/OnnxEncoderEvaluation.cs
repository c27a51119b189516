using StampSim.Models.Linear;

namespace StampSim.Models.Onnx;

/// <summary>
/// Sentence embeddings of an ONNX encoder under an executor: each sentence runs alone (batch 1, no
/// padding, so a sequence transform sees only that sentence's tokens) through a
/// <see cref="SegmentedOnnxModel"/>, and its output is pooled by <see cref="SentenceEmbedding"/>.
/// </summary>
public static class OnnxEncoderEvaluation
{
    /// <summary>One embedding per feed set, in order.</summary>
    public static IReadOnlyList<double[]> Embed(SegmentedOnnxModel model, IReadOnlyList<IReadOnlyDictionary<string, OnnxTensor>> sentences, ILinearExecutor executor) =>
        sentences.Select(f => SentenceEmbedding.Pool(model.Run(f, executor), f.GetValueOrDefault("attention_mask"))).ToArray();
}
