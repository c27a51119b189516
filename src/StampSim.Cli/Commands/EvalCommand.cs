using Spectre.Console;
using System.CommandLine;
using System.Globalization;
using StampSim.Config;
using StampSim.Io;
using StampSim.App.Eval;
using StampSim.Models.Evaluation;
using StampSim.Models.Linear;
using StampSim.Models.Ops;
using StampSim.Models.Vit;
using StampSim.Numerics;
using StampSim.Reports.Eval;
using StampSim.Reports.Provenance;
using StampSim.Reports.Writers;
using StampSim.Reports;

namespace StampSim.Cli.Commands;

/// <summary><c>stampsim eval llama|vit|onnx</c>: end-to-end model quality under simulated numerics.</summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var cmd = new Command("eval", "Model quality under the golden numerics: LM perplexity, ViT top-1 agreement and logit SQNR, encoder embedding cosine and SQNR.");
        cmd.Subcommands.Add(Llama(console));
        cmd.Subcommands.Add(Vit(console));
        cmd.Subcommands.Add(EvalOnnxCommand.Create(console));
        return cmd;
    }

    internal sealed record Options(Option<string?> Numerics, Option<string[]> Set, Option<string?> Json, Option<string?> Csv, Option<bool> All, Option<int> Threads);

    internal static Options Common(Command cmd)
    {
        var o = new Options(
            new Option<string?>("--numerics") { Description = "Config whose numerics (and mac_array) define the 'configured' variant" },
            CommonOptions.Set(),
            new Option<string?>("--json") { Description = "Write every variant's figures as JSON" },
            new Option<string?>("--csv") { Description = "Write every variant's figures as CSV" },
            new Option<bool>("--quantize-all") { Description = "Also quantize the layers outside the transformer blocks (patch embedding, classifier, LM head)" },
            CommonOptions.Threads());
        cmd.Options.Add(o.Numerics);
        cmd.Options.Add(o.Set);
        cmd.Options.Add(o.Json);
        cmd.Options.Add(o.Csv);
        cmd.Options.Add(o.All);
        cmd.Options.Add(o.Threads);
        return o;
    }

    internal static (IReadOnlyList<ComparisonVariant> Variants, StampConfig Config) Variants(ParseResult p, Options o, SequenceTransformKind stampTransform, Func<NumericsConfig, NumericsConfig>? adjust = null)
    {
        string? path = p.GetValue(o.Numerics);
        var sets = p.GetValue(o.Set) ?? [];
        var cfg = StampConfig.Load(path, sets);
        var template = adjust is null ? cfg.Numerics : adjust(cfg.Numerics);
        var variants = ComparisonSet.PaperDefaults(template, stampTransform).ToList();
        if (path is not null || sets.Length > 0)
            variants.Add(new ComparisonVariant("configured", template));
        return (variants, cfg);
    }

    private static Command Llama(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "llama2.c checkpoint (.bin) or Meta-named .safetensors", Required = true };
        var text = new Option<string>("--text") { Description = "Text file to score", Required = true };
        var tokenizer = new Option<string?>("--tokenizer") { Description = "llama2.c tokenizer (default: tokenizer.bin or tok*.bin beside the model)" };
        var maxTokens = new Option<long?>("--max-tokens") { Description = "Score at most this many tokens" };
        var cmd = new Command("llama", "Perplexity of a LLaMA-architecture LM over windows of its context length, per numerics variant.") { model, text, tokenizer, maxTokens };
        var o = Common(cmd);
        cmd.SetAction(p =>
        {
            var started = DateTimeOffset.UtcNow;
            var (variants, cfg) = Variants(p, o, SequenceTransformKind.Haar);
            using var outputs = PrepareOutputs(p, o, p.GetValue(model), p.GetValue(text), p.GetValue(tokenizer));
            long? cap = p.GetValue(maxTokens);
            if (cap is <= 0) throw new InputException($"--max-tokens: must be positive, got {cap}");
            var options = new QuantizedExecutorOptions { QuantizeOutsideBlocks = p.GetValue(o.All), Execution = CommonOptions.Execution(p, o.Threads, CommonOptions.Kernel()) };
            var evaluation = Progress<LlamaEvaluation, PerplexityResult>(console, "window", (progress, finished) => LlamaEvaluation.Run(p.GetValue(model)!, p.GetValue(tokenizer), p.GetValue(text)!, cap,
                variants, cfg.MacArray, options, progress, finished), r => string.Create(CultureInfo.InvariantCulture, $"perplexity {r.Perplexity:0.###} over {r.TokensScored} tokens"));
            var rows = evaluation.Rows;
            double baseline = rows[0].Result.Perplexity;
            var table = NewTable("variant", "perplexity", "tokens", "windows", "vs float32");
            foreach (var (variant, r) in rows)
                table.AddRow(variant.Name, F(r.Perplexity, "0.###"), r.TokensScored.ToString(CultureInfo.InvariantCulture), r.Windows.ToString(CultureInfo.InvariantCulture), F(r.Perplexity / baseline, "0.000") + "x");
            console.Ansi.Write(table);
            Write(outputs, p, o, EvalReport.Perplexity(Provenance(p, started, p.GetValue(model), p.GetValue(text), p.GetValue(o.Numerics)), p.GetValue(model)!, p.GetValue(text)!, evaluation.TokensInText, rows));
            return 0;
        });
        return cmd;
    }

    private static Command Vit(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "Hugging Face ViT model.safetensors (config.json beside it)", Required = true };
        var images = new Option<string>("--images") { Description = "Directory of images (or one image)", Required = true };
        var cmd = new Command("vit", "Top-1 agreement with float32 and mean logit SQNR of a ViT classifier, per numerics variant.") { model, images };
        var o = Common(cmd);
        cmd.SetAction(p =>
        {
            var started = DateTimeOffset.UtcNow;
            // A 14x14 patch grid cannot keep 64 tokens in the LL band with auto levels; one level is the paper's 2-D setting scaled down.
            var (variants, cfg) = Variants(p, o, SequenceTransformKind.Haar2d, n => n.Levels.IsAuto ? n with { Levels = 1 } : n);
            using var outputs = PrepareOutputs(p, o, p.GetValue(model), p.GetValue(images));
            var options = new QuantizedExecutorOptions { QuantizeOutsideBlocks = p.GetValue(o.All), Execution = CommonOptions.Execution(p, o.Threads, CommonOptions.Kernel()) };
            var rows = Progress<IReadOnlyList<EvalRow<VitComparison>>, VitComparison>(console, "image", (progress, finished) => VitEvaluationRun.Run(p.GetValue(model)!, p.GetValue(images)!, variants, cfg.MacArray, options, progress, finished),
                r => string.Create(CultureInfo.InvariantCulture, $"top-1 agreement {r.Top1Agreement:P1}, logit SQNR {Display.Db(r.MeanLogitSqnrDb)} dB"));
            var table = NewTable("variant", "top-1 agreement", "mean logit SQNR (dB)", "images");
            foreach (var (variant, r) in rows)
                table.AddRow(variant.Name, F(r.Top1Agreement, "P1"), Display.Db(r.MeanLogitSqnrDb), r.Images.Count.ToString(CultureInfo.InvariantCulture));
            console.Ansi.Write(table);
            Write(outputs, p, o, EvalReport.Vit(Provenance(p, started, [p.GetValue(model), p.GetValue(o.Numerics), .. ModelFiles.Images(p.GetValue(images)!)]), p.GetValue(model)!, p.GetValue(images)!, rows));
            return 0;
        });
        return cmd;
    }

    // Evaluations take minutes: a log gets a line at least this often, and one as each variant ends.
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs an evaluation with progress by <paramref name="unit"/> (window, image, sentence) across all variants; each
    /// variant's result line (<paramref name="line"/>) is printed as it finishes when stdout is not a terminal.
    /// </summary>
    internal static TResult Progress<TResult, T>(CliConsole console, string unit, Func<Action<EvalProgress>, Action<EvalRow<T>>, TResult> evaluate, Func<T, string> line) =>
        CliProgress.Run(console, unit, progress => evaluate(
            e => progress.Report(e.Done, e.Total, e.Variant, milestone: e.VariantFinished),
            row => { if (!console.IsTerminal) console.Out.WriteLine($"[{row.Variant.Name}] {line(row.Result)}"); }), LineInterval);

    // The outputs are checked before the (long) evaluation and written after it.
    /// <summary>The provenance of an evaluation's files: the command, when it started, and the digests of its input files.</summary>
    internal static OutputProvenance Provenance(ParseResult p, DateTimeOffset started, params string?[] inputs) =>
        ProvenanceBuilder.Build(RunProvenance.Capture(["stampsim", .. p.Tokens.Select(t => t.Value)], started, DateTimeOffset.UtcNow),
            inputs.OfType<string>().Where(File.Exists), []);

    internal static OutputSet PrepareOutputs(ParseResult p, Options o, params string?[] inputs)
    {
        var outputs = new OutputSet(inputs.Append(p.GetValue(o.Numerics)));
        if (p.GetValue(o.Json) is { } json) outputs.Reserve(json, "--json");
        if (p.GetValue(o.Csv) is { } csv) outputs.Reserve(csv, "--csv");
        return outputs;
    }

    internal static void Write(OutputSet outputs, ParseResult p, Options o, EvalReport report)
    {
        if (p.GetValue(o.Json) is { } json) outputs.AddText(json, report.Json);
        if (p.GetValue(o.Csv) is { } csv) outputs.AddText(csv, report.Csv);
        outputs.Commit();
    }

    internal static Table NewTable(params string[] columns)
    {
        var t = new Table().Border(TableBorder.Simple);
        t.AddColumn(columns[0]);
        foreach (var c in columns.Skip(1)) t.AddColumn(new TableColumn(c).RightAligned());
        return t;
    }

    internal static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
