using Spectre.Console;
using System.CommandLine;
using System.Globalization;
using StampSim.Models.Linear;
using StampSim.Models.Onnx;
using StampSim.Numerics;
using StampSim.Reports.Eval;
using StampSim.Reports.Writers;
using StampSim.Reports;

namespace StampSim.Cli.Commands;

/// <summary><c>stampsim eval onnx</c>: sentence-embedding agreement of an ONNX encoder under each numerics variant.</summary>
internal static class EvalOnnxCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "ONNX encoder (BERT family: input_ids, attention_mask, token_type_ids)", Required = true };
        var text = new Option<string>("--text") { Description = "Text file whose first sentences are embedded", Required = true };
        var vocab = new Option<string?>("--vocab") { Description = "WordPiece vocabulary (default: vocab.txt beside the model)" };
        var sentences = new Option<int>("--sentences") { Description = "Sentences embedded", DefaultValueFactory = _ => 200 };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Tokens per sentence at most, [CLS] and [SEP] included", DefaultValueFactory = _ => 128 };
        var output = new Option<string?>("--output") { Description = "Graph output holding the last hidden state (default: the first)" };
        var cmd = new Command("onnx", "Mean cosine similarity and SQNR of an encoder's pooled sentence embeddings against float32, per numerics variant. "
            + "ONNX Runtime runs the graph between the linears; StampSim's executors run the linears.") { model, text, vocab, sentences, maxTokens, output };
        var o = EvalCommand.Common(cmd);
        cmd.SetAction(p =>
        {
            var started = DateTimeOffset.UtcNow;
            var (variants, cfg) = EvalCommand.Variants(p, o, SequenceTransformKind.Haar);
            using var outputs = EvalCommand.PrepareOutputs(p, o, p.GetValue(model), p.GetValue(text), p.GetValue(vocab));
            int count = p.GetValue(sentences), cap = p.GetValue(maxTokens);
            if (count < 1) throw new InputException($"--sentences: must be positive, got {count}");
            if (cap < 2) throw new InputException($"--max-tokens: must be at least 2, got {cap}");
            var exec = CommonOptions.Execution(p, o.Threads, CommonOptions.Kernel());
            string modelPath = p.GetValue(model)!, textPath = p.GetValue(text)!;
            var onnx = OnnxModel.Load(modelPath);
            string hidden = p.GetValue(output) ?? onnx.OutputNames[0];
            var wordPiece = WordPieceInputs.Load(p.GetValue(vocab) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath)) ?? ".", "vocab.txt"));
            var chosen = TextSentences.First(ModelFiles.ReadText(textPath), count);
            if (chosen.Count < count) throw new InputException($"{textPath}: only {chosen.Count} sentences, fewer than --sentences {count}");
            var limits = OnnxLimits.Of(onnx);
            if (cap > limits.Positions)
                throw new InputException($"--max-tokens: {cap}, but the model takes at most {limits.Positions} positions ({limits.PositionsTensor})");
            var ids = chosen.Select(s => wordPiece.Encode(s, cap)).ToArray();
            foreach (var sentence in ids) limits.Check(sentence, p.GetValue(vocab) ?? "vocab.txt");
            var feeds = ids.Select(i => (IReadOnlyDictionary<string, OnnxTensor>)WordPieceInputs.Feeds(onnx, i)).ToArray();
            using var segmented = new SegmentedOnnxModel(onnx, hidden, exec.Threads);
            var options = new QuantizedExecutorOptions { QuantizeOutsideBlocks = p.GetValue(o.All), Execution = exec };

            var rows = new List<EvalRow<EncoderComparison>>();
            IReadOnlyList<double[]>? reference = null;
            EvalCommand.Run(console, variants, "sentence", (v, progress) =>
            {
                var embeddings = OnnxEncoderEvaluation.Embed(segmented, feeds, v.CreateExecutor(cfg.MacArray, options), progress);
                // The comparison set starts with float32: the reference every variant is held against.
                reference ??= embeddings;
                var r = EncoderComparison.Of(reference, embeddings);
                rows.Add(new(v, r));
                return string.Create(CultureInfo.InvariantCulture, $"mean cosine {r.MeanCosine:0.######}, mean SQNR {Display.Db(r.MeanSqnrDb)} dB");
            });
            // How far the float32 variant (StampSim's float64-accumulated linears) is from ONNX Runtime alone.
            using var plain = new OnnxSession(onnx.WithOutputs([]), modelPath, exec.Threads);
            var runtime = feeds.Select(f => SentenceEmbedding.Pool(plain.Run(f, [hidden])[hidden], f.GetValueOrDefault("attention_mask"))).ToArray();
            var check = EncoderComparison.Of(runtime, reference!);

            int tokens = feeds.Sum(f => (int)f["input_ids"].Shape[^1]);
            var table = EvalCommand.NewTable("variant", "mean cosine", "min cosine", "mean SQNR (dB)", "sentences");
            foreach (var (variant, r) in rows)
                table.AddRow(variant.Name, EvalCommand.F(r.MeanCosine, "0.000000"), EvalCommand.F(r.MinCosine, "0.000000"), Display.Db(r.MeanSqnrDb), r.Cosines.Count.ToString(CultureInfo.InvariantCulture));
            console.Ansi.Write(table);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{chosen.Count} sentences, {tokens} tokens ({(double)tokens / chosen.Count:0.#} a sentence); {segmented.Linears.Count} linears in {segmented.Stages.Count} ONNX Runtime segments; "
                + $"float32 vs ONNX Runtime alone: mean cosine {check.MeanCosine:0.##########}, mean SQNR {Display.Db(check.MeanSqnrDb)} dB"));
            EvalCommand.Write(outputs, p, o, EvalReport.Encoder(EvalCommand.Provenance(p, started, modelPath, textPath, p.GetValue(vocab), p.GetValue(o.Numerics)), new EncoderEvalInputs(modelPath, textPath, chosen.Count, tokens, hidden, check), rows));
            return 0;
        });
        return cmd;
    }
}
