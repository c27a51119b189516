using StampSim.Config;
using StampSim.Hardware;
using StampSim.Models.Evaluation;
using StampSim.Models.Linear;
using StampSim.Models.Onnx;
using StampSim.Reports.Eval;

namespace StampSim.App.Eval;

/// <summary>What <c>eval onnx</c> measured: per variant the embeddings' agreement with float32, and what was embedded.</summary>
/// <param name="Rows">One result per variant, in the comparison set's order (float32 first: the reference).</param>
/// <param name="Inputs">What was embedded, and float32 against ONNX Runtime alone.</param>
/// <param name="Linears">Linears StampSim's executors ran.</param>
/// <param name="Segments">ONNX Runtime segments between them.</param>
public sealed record EncoderEvaluationRun(IReadOnlyList<EvalRow<EncoderComparison>> Rows, EncoderEvalInputs Inputs, int Linears, int Segments)
{
    /// <summary>
    /// Embeds the first <paramref name="sentences"/> sentences of <paramref name="text"/> with the encoder under every
    /// variant (ONNX Runtime between the linears, StampSim's executors for them) and compares each with float32.
    /// </summary>
    /// <param name="model">The ONNX encoder.</param>
    /// <param name="vocab">Its WordPiece vocabulary, or null for vocab.txt beside it.</param>
    /// <param name="output">The graph output holding the last hidden state, or null for the first.</param>
    /// <param name="text">The text file.</param>
    /// <param name="sentences">Sentences to embed.</param>
    /// <param name="maxTokens">Tokens per sentence at most, [CLS] and [SEP] included.</param>
    /// <param name="variants">The comparison set, float32 first.</param>
    /// <param name="mac">The MAC array the quantized linears run on.</param>
    /// <param name="options">Quantized executors' options.</param>
    /// <param name="progress">Hears every sentence done.</param>
    /// <param name="finished">Hears each variant's result.</param>
    /// <exception cref="InputException">A bad file, too few sentences, or a sequence beyond the model's limits.</exception>
    public static EncoderEvaluationRun Run(string model, string? vocab, string? output, string text, int sentences, int maxTokens,
        IReadOnlyList<ComparisonVariant> variants, MacArrayConfig mac, QuantizedExecutorOptions options, Action<EvalProgress> progress, Action<EvalRow<EncoderComparison>> finished)
    {
        if (sentences < 1) throw new InputException($"--sentences: must be positive, got {sentences}");
        if (maxTokens < 2) throw new InputException($"--max-tokens: must be at least 2, got {maxTokens}");
        int threads = options.Execution.Threads;
        var onnx = OnnxModel.Load(model);
        string hidden = output ?? onnx.OutputNames[0];
        var wordPiece = WordPieceInputs.Load(vocab ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(model)) ?? ".", "vocab.txt"));
        var chosen = TextSentences.First(ModelFiles.ReadText(text), sentences);
        if (chosen.Count < sentences) throw new InputException($"{text}: only {chosen.Count} sentences, fewer than --sentences {sentences}");
        var limits = OnnxLimits.Of(onnx);
        if (maxTokens > limits.Positions)
            throw new InputException($"--max-tokens: {maxTokens}, but the model takes at most {limits.Positions} positions ({limits.PositionsTensor})");
        var ids = chosen.Select(s => wordPiece.Encode(s, maxTokens)).ToArray();
        foreach (var sentence in ids) limits.Check(sentence, vocab ?? "vocab.txt");
        var feeds = ids.Select(i => (IReadOnlyDictionary<string, OnnxTensor>)WordPieceInputs.Feeds(onnx, i)).ToArray();
        using var segmented = new SegmentedOnnxModel(onnx, hidden, threads);

        IReadOnlyList<double[]>? reference = null;
        var rows = VariantRunner.Run(variants, (v, report) =>
        {
            var embeddings = OnnxEncoderEvaluation.Embed(segmented, feeds, v.CreateExecutor(mac, options), report);
            // The comparison set starts with float32: the reference every variant is held against.
            reference ??= embeddings;
            return EncoderComparison.Of(reference, embeddings);
        }, progress, finished);

        // How far the float32 variant (StampSim's float64-accumulated linears) is from ONNX Runtime alone.
        using var plain = new OnnxSession(onnx.WithOutputs([]), model, threads);
        var runtime = feeds.Select(f => SentenceEmbedding.Pool(plain.Run(f, [hidden])[hidden], f.GetValueOrDefault("attention_mask"))).ToArray();
        var check = EncoderComparison.Of(runtime, reference!);
        int tokens = feeds.Sum(f => (int)f["input_ids"].Shape[^1]);
        return new EncoderEvaluationRun(rows, new EncoderEvalInputs(model, text, chosen.Count, tokens, hidden, check), segmented.Linears.Count, segmented.Stages.Count);
    }
}
