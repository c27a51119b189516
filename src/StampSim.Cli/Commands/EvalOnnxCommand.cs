using Spectre.Console;
using System.CommandLine;
using System.Globalization;
using StampSim.App.Eval;
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
            var options = new QuantizedExecutorOptions { QuantizeOutsideBlocks = p.GetValue(o.All), Execution = CommonOptions.Execution(p, o.Threads, CommonOptions.Kernel()) };
            string modelPath = p.GetValue(model)!, textPath = p.GetValue(text)!;
            var evaluation = EvalCommand.Progress<EncoderEvaluationRun, EncoderComparison>(console, "sentence", (progress, finished) => EncoderEvaluationRun.Run(modelPath, p.GetValue(vocab), p.GetValue(output), textPath,
                p.GetValue(sentences), p.GetValue(maxTokens), variants, cfg.MacArray, options, progress, finished),
                r => string.Create(CultureInfo.InvariantCulture, $"mean cosine {r.MeanCosine:0.######}, mean SQNR {Display.Db(r.MeanSqnrDb)} dB"));
            var (rows, inputs, check) = (evaluation.Rows, evaluation.Inputs, evaluation.Inputs.Float32VsRuntime);
            var table = EvalCommand.NewTable("variant", "mean cosine", "min cosine", "mean SQNR (dB)", "sentences");
            foreach (var (variant, r) in rows)
                table.AddRow(variant.Name, EvalCommand.F(r.MeanCosine, "0.000000"), EvalCommand.F(r.MinCosine, "0.000000"), Display.Db(r.MeanSqnrDb), r.Cosines.Count.ToString(CultureInfo.InvariantCulture));
            console.Ansi.Write(table);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{inputs.Sentences} sentences, {inputs.Tokens} tokens ({(double)inputs.Tokens / inputs.Sentences:0.#} a sentence); {evaluation.Linears} linears in {evaluation.Segments} ONNX Runtime segments; "
                + $"float32 vs ONNX Runtime alone: mean cosine {check.MeanCosine:0.##########}, mean SQNR {Display.Db(check.MeanSqnrDb)} dB"));
            EvalCommand.Write(outputs, p, o, EvalReport.Encoder(EvalCommand.Provenance(p, started, modelPath, textPath, p.GetValue(vocab), p.GetValue(o.Numerics)), inputs, rows));
            return 0;
        });
        return cmd;
    }
}
