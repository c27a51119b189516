using StampSim.Models.Linear;
using StampSim.Models.Llama;
using StampSim.Models.Tokenizer;

namespace StampSim.Models.Evaluation;

/// <summary>
/// Perplexity of a language model over a text: the text is tokenized once (run.c's encoding, with
/// its dummy-prefix space, no BOS), cut into consecutive windows of <c>seq_len - 1</c> tokens, and
/// each window is run as BOS followed by its tokens (exactly the context length). Every text token
/// is scored once, from the tokens before it in its window; cross-entropy is summed in float64.
/// </summary>
public static class Perplexity
{
    /// <summary>
    /// Windows per batch of <see cref="LlamaModel.Forward(IReadOnlyList{int[]}, ILinearExecutor)"/>: each linear is one
    /// call per batch, and every window's logits are what it gives alone.
    /// </summary>
    public const int BatchWindows = 8;

    /// <summary>Perplexity over <paramref name="text"/>, scoring at most <paramref name="maxTokens"/> tokens (all when null).</summary>
    /// <exception cref="InputException">The text has no tokens.</exception>
    public static PerplexityResult Evaluate(LlamaModel model, Llama2cTokenizer tokenizer, string text, ILinearExecutor linear, long? maxTokens = null) =>
        Evaluate(model, tokenizer.Encode(text, bos: false, eos: false), linear, maxTokens);

    /// <summary>
    /// Perplexity over already tokenized text (no BOS), scoring at most <paramref name="maxTokens"/> tokens;
    /// <paramref name="progress"/> hears (windows done, windows in all), first (0, all), then for each window (a batch of
    /// <see cref="BatchWindows"/> windows reports its windows together, once the batch is done).
    /// </summary>
    public static PerplexityResult Evaluate(LlamaModel model, IReadOnlyList<int> tokens, ILinearExecutor linear, long? maxTokens = null, Action<int, int>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokens ?? 0, nameof(maxTokens));
        int count = (int)Math.Min(tokens.Count, maxTokens ?? long.MaxValue);
        if (count == 0) throw new InputException("text: nothing to score (no tokens)");
        int window = model.Config.SeqLen - 1;
        if (window < 1) throw new InputException($"model: seq_len {model.Config.SeqLen} leaves no room for a token after BOS");
        double nll = 0;
        int windows = 0, total = (count + window - 1) / window;
        progress?.Invoke(0, total);
        for (int first = 0; first < count; first += window * BatchWindows)
        {
            var inputs = new List<int[]>();
            for (int start = first; start < count && inputs.Count < BatchWindows; start += window)
            {
                int length = Math.Min(window, count - start);
                var input = new int[length + 1];
                input[0] = Llama2cTokenizer.Bos;
                for (int t = 0; t < length; t++) input[t + 1] = tokens[start + t];
                inputs.Add(input);
            }
            var logits = model.Forward(inputs, linear);
            // Summed window by window, token by token: the same order, so the same float64 sum, as one window at a time.
            for (int b = 0; b < inputs.Count; b++)
                for (int t = 0; t + 1 < inputs[b].Length; t++) nll += CrossEntropy(logits[b].Row(t), inputs[b][t + 1]);
            for (int b = 0; b < inputs.Count; b++)
            {
                windows++;
                progress?.Invoke(windows, total);
            }
        }
        double mean = nll / count;
        return new PerplexityResult(Math.Exp(mean), mean, count, windows);
    }

    /// <summary><c>-log softmax(logits)[target]</c> in float64.</summary>
    public static double CrossEntropy(ReadOnlySpan<float> logits, int target)
    {
        double max = double.NegativeInfinity;
        foreach (float v in logits) max = Math.Max(max, v);
        double sum = 0;
        foreach (float v in logits) sum += Math.Exp(v - max);
        return Math.Log(sum) + max - logits[target];
    }
}
