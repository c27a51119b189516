using StampSim.App.Eval;
using System.CommandLine;
using StampSim.Models.Linear;
using StampSim.Models.Onnx;
using StampSim.Traces;

namespace StampSim.Cli.Commands;

/// <summary><c>stampsim capture onnx</c>: capture the linears of any ONNX model, run by ONNX Runtime, on text or on given inputs.</summary>
internal static class CaptureOnnxCommand
{
    /// <summary>Default token cap for text when the model names no position limit: BERT-family encoders' context length.</summary>
    private const int DefaultMaxTokens = 512;

    public static Command Create(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "ONNX model file", Required = true };
        var text = new Option<string?>("--text") { Description = "Text file fed to a BERT-family encoder (WordPiece; input_ids, attention_mask, token_type_ids)" };
        var vocab = new Option<string?>("--vocab") { Description = "WordPiece vocabulary (default: vocab.txt beside the model)" };
        var inputs = new Option<string[]>("--input") { Description = "A graph input as name=file.npy (repeatable), instead of --text" };
        var tokens = new Option<int?>("--tokens") { Description = $"With --text: tokens fed, [CLS] and [SEP] included (default: every token of the text, at most the model's positions or {DefaultMaxTokens})" };
        var cmd = new Command("onnx", "Capture every MatMul/Gemm with an initializer weight of an ONNX model, run by ONNX Runtime.") { model, text, vocab, inputs, tokens };
        var c = CaptureCommand.AddCommon(cmd);
        cmd.SetAction(p =>
        {
            string modelPath = p.GetValue(model)!;
            string? textPath = p.GetValue(text);
            var pairs = p.GetValue(inputs) ?? [];
            if ((textPath is null) == (pairs.Length == 0)) throw new InputException("capture onnx: give either --text or --input name=file.npy");
            if (textPath is null && p.GetValue(tokens) is not null) throw new InputException("--tokens: only meaningful with --text");
            var (type, outPath) = CaptureCommand.Prepare(p, c, [modelPath, textPath, p.GetValue(vocab), .. pairs.Select(x => x[(x.IndexOf('=') + 1)..])]);
            var onnx = OnnxModel.Load(modelPath);
            var (feeds, input) = textPath is null
                ? (OnnxInputFiles.Read(onnx, pairs), new TraceInput("other", "graph inputs " + string.Join(", ", pairs), pairs.Select(x => Path.GetFileName(x[(x.IndexOf('=') + 1)..])).ToArray()))
                : TextFeeds(onnx, textPath, p.GetValue(vocab), p.GetValue(tokens));
            if (feeds.TryGetValue("input_ids", out var given) && given.Int64 is { } givenIds && given.Shape.Length > 0 && given.Shape[^1] > 0)
            {
                var limits = OnnxLimits.Of(onnx);
                foreach (var row in givenIds.Chunk((int)given.Shape[^1]))
                    limits.Check(row, "--input input_ids");
            }
            var linears = OnnxLinearFinder.Find(onnx);
            if (linears.Count == 0) throw new InputException($"{modelPath}: no MatMul or Gemm with an initializer weight");
            var selected = CaptureCommand.Selection(p.GetValue(c.Layers), linears.Select(l => new TraceLayer(l.Name, l.Kind.Name(), l.Block, "", "", null)));
            var chosen = linears.Where(l => selected.Contains(l.Name)).ToArray();
            var activations = OnnxCapture.Activations(onnx, chosen, feeds);
            string name = CaptureCommand.ModelName(p, c, modelPath);
            var writer = new TraceWriter(name, p.GetValue(c.Source), p.GetValue(c.License), input);
            OnnxCapture.Add(writer, chosen, activations, type);
            writer.Write(outPath);
            console.Out.WriteLine($"captured {chosen.Length} linear layers of {name} ({activations.Count} distinct inputs) into {outPath} ({new FileInfo(outPath).Length:N0} bytes)");
            return 0;
        });
        return cmd;
    }

    private static (Dictionary<string, OnnxTensor> Feeds, TraceInput Input) TextFeeds(OnnxModel onnx, string textPath, string? vocabPath, int? tokens)
    {
        if (tokens is < 2) throw new InputException($"--tokens: must be at least 2 ([CLS] and [SEP]), got {tokens}");
        var limits = OnnxLimits.Of(onnx);
        if (tokens > limits.Positions)
            throw new InputException($"--tokens: {tokens}, but the model takes at most {limits.Positions} positions ({limits.PositionsTensor})");
        vocabPath ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(onnx.Path)) ?? ".", "vocab.txt");
        var wordPiece = WordPieceInputs.Load(vocabPath);
        var ids = wordPiece.Encode(ModelFiles.ReadText(textPath), tokens ?? (int)Math.Min(DefaultMaxTokens, limits.Positions ?? DefaultMaxTokens));
        if (tokens is { } n && ids.Length < n)
            throw new InputException($"{textPath}: only {ids.Length} tokens with [CLS] and [SEP], fewer than --tokens {n}");
        limits.Check(ids, tokens is null ? textPath : "--tokens");
        var input = new TraceInput("text", $"the first {ids.Length} WordPiece tokens ([CLS] and [SEP] included) of {Path.GetFileName(textPath)}, vocabulary {Path.GetFileName(vocabPath)}",
            [Path.GetFileName(textPath)], TokenIds: ids);
        return (WordPieceInputs.Feeds(onnx, ids), input);
    }
}
