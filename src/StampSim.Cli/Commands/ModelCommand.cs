using System.CommandLine;
using System.Globalization;
using StampSim.Config;
using StampSim.ModelCost;
using StampSim.Io;
using StampSim.Reports.Folder;
using StampSim.App.Model;
using StampSim.Reports.Model;
using StampSim.App.Run;
using StampSim.Reports.Run;
using StampSim.Reports.Schemas;

namespace StampSim.Cli.Commands;

/// <summary>
/// <c>stampsim model</c>: time to first token, time per output token and energy per token of a whole
/// model (every operator, prefill and decode) with STaMP against uniform A4 and A8, on one or more accelerators.
/// </summary>
internal static class ModelCommand
{
    public static Command Create(CliConsole console)
    {
        var arch = new Option<string>("--arch") { Description = $"A Hugging Face config.json, or a preset: {string.Join(", ", ArchitectureReader.Presets)}", Required = true };
        var prompt = new Option<int>("--prompt") { Description = "Prompt tokens (decoders)", DefaultValueFactory = _ => 2048 };
        var decode = new Option<int>("--decode") { Description = "Generated tokens (decoders)", DefaultValueFactory = _ => 128 };
        var batch = new Option<int>("--batch") { Description = "Sequences or images per batch", DefaultValueFactory = _ => 1 };
        var steps = new Option<int>("--steps") { Description = "Diffusion steps (DiT)", DefaultValueFactory = _ => 20 };
        var logits = new Option<string>("--logits") { Description = "LM head in prefill: last (the last prompt token) or all", DefaultValueFactory = _ => "last" };
        logits.AcceptOnlyFromAmong("last", "all");
        var configs = new Option<string[]>("--config") { Description = "Accelerator config YAML; repeat for several (default: the embedded edge-npu config)", Arity = ArgumentArity.ZeroOrMore };
        var set = CommonOptions.Set();
        var trace = new Option<string?>("--trace") { Description = "A trace of the same model: adds the golden numerics (SQNR) of its linear layers, or 'bundled'" };
        var sweep = new Option<string?>("--sweep-prompt") { Description = "Comma-separated prompt lengths for the TTFT and energy-per-token plots, e.g. 256,512,1024,2048,4096,8192" };
        var output = new Option<string?>("--out") { Description = "Report folder (default: reports/model-<arch>-<configs>-<UTC time>); must not exist or be empty" };
        var force = new Option<bool>("--force") { Description = "Replace an existing --out report (only once the new one is complete)" };
        var json = new Option<string?>("--json") { Description = "Also write the result as JSON to this file" };
        var beyond = new Option<bool>("--beyond-max-positions") { Description = "Cost a prompt + decode beyond the model's max_position_embeddings instead of refusing it" };
        var threads = CommonOptions.Threads();
        var cmd = new Command("model", "Whole-model cost (prefill and decode, every operator): TTFT, TPOT and energy per token, STaMP vs A4 vs A8.")
        {
            arch, prompt, decode, batch, steps, logits, configs, set, trace, sweep, output, force, json, beyond, threads,
        };
        cmd.SetAction(p =>
        {
            var started = DateTimeOffset.UtcNow;
            var commandLine = new[] { "stampsim" }.Concat(p.Tokens.Select(t => t.Value)).ToArray();
            var architecture = ArchitectureReader.Load(p.GetValue(arch)!);
            var request = new InferenceRequest(p.GetValue(prompt), p.GetValue(decode), p.GetValue(batch), p.GetValue(steps), p.GetValue(logits) == "all");
            var specs = ConfigSpec.LoadAll(p.GetValue(configs) ?? [], p.GetValue(set) ?? []);
            var prompts = ParsePrompts(p.GetValue(sweep));
            string? jsonPath = p.GetValue(json);
            string?[] inputs = [p.GetValue(arch), p.GetValue(trace), .. p.GetValue(configs) ?? []];
            using var outputs = new OutputSet(inputs);
            if (jsonPath is not null) outputs.Reserve(jsonPath, "--json");
            var exec = CommonOptions.Execution(p, threads, CommonOptions.Kernel());
            string target = p.GetValue(output) ?? ReportName.Default($"model-{architecture.Name}", specs.Select(c => c.Label).ToList(), started);
            using var folder = ReportFolder.Begin(target, p.GetValue(force), ModelReportWriter.Format, inputs);
            var result = ModelRun.Execute(architecture, request, specs, prompts, p.GetValue(trace), exec, commandLine, started, p.GetValue(beyond));
            ModelReportWriter.Write(result, folder.Staging);
            folder.Commit();
            if (jsonPath is not null)
            {
                outputs.AddText(jsonPath, ModelJson.Text(result));
                outputs.Commit();
            }
            Print(console, result, target);
            return 0;
        });
        return cmd;
    }

    private static IReadOnlyList<int> ParsePrompts(string? text)
    {
        if (text is null) return [];
        var values = new List<int>();
        foreach (var part in text.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v < 1)
                throw new InputException($"--sweep-prompt: '{part.Trim()}' is not a positive whole number");
            values.Add(v);
        }
        return values.Distinct().Order().ToList();
    }

    private static void Print(CliConsole console, ModelResult r, string folder)
    {
        var a = r.Architecture;
        console.Out.WriteLine($"model     {a.Name} ({a.Family}): {a.Layers} blocks, hidden {a.Hidden}, {a.Heads} heads / {a.KvHeads} KV; {ModelMarkdown.RunText(r)}");
        var table = new TextTable(ModelTable.Headers(r).Select((h, i) => i <= 1 ? h : ">" + h).ToArray());
        foreach (var row in ModelTable.Rows(r)) table.Add([.. row]);
        table.Write(console.Out);
        console.Out.WriteLine($"verdict   {ModelVerdict.Text(r)}");
        console.Out.WriteLine(r.Accuracy is { } acc
            ? $"accuracy  pooled SQNR over {acc.Layers} layers of {acc.Trace}: {acc.PooledText}"
            : "accuracy  not evaluated (no trace)");
        console.Out.WriteLine($"report    {folder}");
    }
}
