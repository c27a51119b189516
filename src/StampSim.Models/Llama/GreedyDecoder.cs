using StampSim.Models.Linear;
using StampSim.Models.Ops;

namespace StampSim.Models.Llama;

/// <summary>
/// Greedy (argmax) generation. Each step re-runs the whole prefix (the model has no KV cache,
/// because quantized layers see the whole sequence), which is exact and cheap for small models.
/// </summary>
public static class GreedyDecoder
{
    /// <summary>
    /// Appends <paramref name="steps"/> argmax tokens to <paramref name="prompt"/> (stopping early at
    /// <paramref name="stopToken"/>, as llama2.c's run.c stops at BOS, or at the context length) and
    /// returns prompt plus generated ids.
    /// </summary>
    public static IReadOnlyList<int> Generate(LlamaModel model, IReadOnlyList<int> prompt, int steps, ILinearExecutor linear, int? stopToken = null)
    {
        var ids = prompt.ToList();
        for (int step = 0; step < steps && ids.Count <= model.Config.SeqLen; step++)
        {
            var logits = model.Forward(ids.ToArray(), linear);
            int next = ArgMax.Of(logits.Row(logits.Rows - 1));
            if (next == stopToken) break;
            ids.Add(next);
        }
        return ids;
    }
}
