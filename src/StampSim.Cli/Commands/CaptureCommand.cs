using StampSim.App.Eval;
using System.CommandLine;
using StampSim.Io;
using StampSim.Models.Capture;
using StampSim.Models.Linear;
using StampSim.Models.Vit;
using StampSim.Models.Tokenizer;
using StampSim.Traces;

namespace StampSim.Cli.Commands;

/// <summary><c>stampsim capture llama|vit|onnx</c>: record every linear layer of a real model into a trace.</summary>
internal static class CaptureCommand
{
    public static Command Create(CliConsole console)
    {
        var cmd = new Command("capture", "Run a real model in float32 and record every linear layer's input, weight and bias as a trace.");
        cmd.Subcommands.Add(Llama(console));
        cmd.Subcommands.Add(Vit(console));
        cmd.Subcommands.Add(CaptureOnnxCommand.Create(console));
        return cmd;
    }

    internal sealed record Common(Option<string> Out, Option<string> DType, Option<string?> Layers, Option<string?> Name, Option<string?> Source, Option<string?> License);

    internal static Common AddCommon(Command cmd)
    {
        var c = new Common(
            new Option<string>("--out") { Description = "Trace file (.safetensors)", Required = true },
            new Option<string>("--dtype") { Description = "Tensor dtype: f32, f16 or bf16", DefaultValueFactory = _ => "f32" },
            new Option<string?>("--layers") { Description = "Only layers matching these comma-separated globs (name or kind)" },
            new Option<string?>("--model-name") { Description = "Model name for the manifest (default: the model file's name)" },
            new Option<string?>("--source") { Description = "Where the model comes from, for the manifest" },
            new Option<string?>("--license") { Description = "The model's licence, for the manifest" });
        foreach (var o in new Option[] { c.Out, c.DType, c.Layers, c.Name, c.Source, c.License }) cmd.Options.Add(o);
        return c;
    }

    private static Command Llama(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "llama2.c checkpoint (.bin) or Meta-named .safetensors", Required = true };
        var text = new Option<string>("--text") { Description = "Text file whose first tokens are fed to the model", Required = true };
        var tokens = new Option<int?>("--tokens") { Description = "Tokens fed, BOS included (default: every token of the text, up to the context length)" };
        var tokenizer = new Option<string?>("--tokenizer") { Description = "llama2.c tokenizer (default: beside the model)" };
        var cmd = new Command("llama", "Capture a LLaMA-architecture LM on real text.") { model, text, tokens, tokenizer };
        var c = AddCommon(cmd);
        cmd.SetAction(p =>
        {
            string modelPath = p.GetValue(model)!, textPath = p.GetValue(text)!;
            var (type, outPath) = Prepare(p, c, modelPath, textPath, p.GetValue(tokenizer));
            var lm = ModelFiles.LoadLlama(modelPath);
            var tok = ModelFiles.LoadTokenizer(p.GetValue(tokenizer), modelPath, lm.Config.VocabSize);
            int? asked = p.GetValue(tokens);
            if (asked is { } n && (n < 2 || n > lm.Config.SeqLen))
                throw new InputException($"--tokens: must be between 2 and the context length {lm.Config.SeqLen}, got {n}");
            var all = new[] { Llama2cTokenizer.Bos }.Concat(tok.Encode(ModelFiles.ReadText(textPath), bos: false, eos: false)).ToArray();
            int count = asked ?? Math.Min(all.Length, lm.Config.SeqLen);
            if (all.Length < Math.Max(count, 2))
                throw new InputException($"{textPath}: only {all.Length} tokens with BOS, fewer than {(asked is null ? "the 2 a capture needs" : $"--tokens {count}")}");
            var ids = all.Take(count).ToArray();
            var recording = new RecordingLinearExecutor(new Float32LinearExecutor());
            lm.Forward(ids, recording);
            var input = new TraceInput("text", $"the first {count} tokens (BOS included) of {Path.GetFileName(textPath)}, llama2.c tokenizer",
                [Path.GetFileName(textPath)], TokenIds: ids.Select(i => (long)i).ToArray());
            Write(console, p, c, modelPath, input, recording, type, outPath);
            return 0;
        });
        return cmd;
    }

    private static Command Vit(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "Hugging Face ViT model.safetensors (config.json beside it)", Required = true };
        var image = new Option<string>("--image") { Description = "Image file", Required = true };
        var cmd = new Command("vit", "Capture a ViT classifier on one image (manifest grid HxW with the CLS token as prefix).") { model, image };
        var c = AddCommon(cmd);
        cmd.SetAction(p =>
        {
            string modelPath = p.GetValue(model)!, imagePath = p.GetValue(image)!;
            var (type, outPath) = Prepare(p, c, modelPath, imagePath);
            var vit = ModelFiles.LoadVit(modelPath);
            var pixels = VitImage.Load(imagePath, vit.Config);
            var recording = new RecordingLinearExecutor(new Float32LinearExecutor());
            vit.Forward(pixels, recording);
            var input = new TraceInput("image", $"{Path.GetFileName(imagePath)} resized to {vit.Config.ImageSize}x{vit.Config.ImageSize} (Skia bilinear with mipmaps), x/255, normalised with mean = std = 0.5",
                [Path.GetFileName(imagePath)]);
            Write(console, p, c, modelPath, input, recording, type, outPath);
            return 0;
        });
        return cmd;
    }

    internal static (ElementType Type, string Out) Prepare(ParseResult p, Common c, params string?[] inputs)
    {
        string outPath = p.GetValue(c.Out)!;
        OutputPath.CheckFile(outPath, $"--out {outPath}");
        OutputPath.CheckNotInput(outPath, $"--out {outPath}", inputs.OfType<string>().Select(OutputPath.Canonical).ToHashSet());
        var type = p.GetValue(c.DType)?.ToLowerInvariant() switch
        {
            "f32" => ElementType.Float32,
            "f16" => ElementType.Float16,
            "bf16" => ElementType.BFloat16,
            var other => throw new InputException($"--dtype: unknown dtype '{other}' (expected f32, f16 or bf16)"),
        };
        return (type, outPath);
    }

    private static void Write(CliConsole console, ParseResult p, Common c, string modelPath, TraceInput input, RecordingLinearExecutor recording, ElementType type, string outPath)
    {
        string name = ModelName(p, c, modelPath);
        var writer = new TraceWriter(name, p.GetValue(c.Source), p.GetValue(c.License), input);
        var selected = Selection(p.GetValue(c.Layers), recording.Calls.Select(r => new TraceLayer(r.Call.Name, r.Call.Kind.Name(), r.Call.Block, "", "", null)));
        TraceCapture.Add(writer, recording, type, selected.Contains);
        writer.Write(outPath);
        console.Out.WriteLine($"captured {selected.Count} linear layers of {name} ({recording.Activations.Count} distinct inputs) into {outPath} ({new FileInfo(outPath).Length:N0} bytes)");
    }

    /// <summary>The <c>--model-name</c> given, else the model file's stem (its directory's name for Hugging Face's and ONNX exports' generic <c>model.*</c>).</summary>
    internal static string ModelName(ParseResult p, Common c, string modelPath)
    {
        string stem = Path.GetFileNameWithoutExtension(modelPath);
        return p.GetValue(c.Name) ?? (stem == "model" ? Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(modelPath))) ?? stem : stem);
    }

    /// <summary>Names of the layers matching <paramref name="patterns"/> (all when null), by the trace selection rules (globs on name or kind).</summary>
    internal static HashSet<string> Selection(string? patterns, IEnumerable<TraceLayer> candidates)
    {
        var layers = candidates.ToArray();
        var manifest = new TraceManifest("capture", null, null, new TraceInput("other"), layers);
        return LayerSelection.Select(manifest, patterns, "the model").Select(l => l.Name).ToHashSet();
    }
}
