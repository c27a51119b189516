using System.CommandLine;
using StampSim.Reports.Folder;
using StampSim.Reports.Run;
using StampSim.Reports.Writers;

namespace StampSim.Cli.Commands;

/// <summary>
/// <c>stampsim run</c>, the main job: a trace (the bundled one by default) on one or more accelerator
/// configs (the embedded edge NPU by default), golden numerics and cost for STaMP, A4 and A8 per layer,
/// a summary table, and a report folder that appears complete or not at all.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var trace = new Option<string?>("--trace") { Description = "Activation trace (.safetensors, .npz), or 'bundled' (the default: stories260K on TinyStories, 512 tokens)" };
        var configs = new Option<string[]>("--config")
        {
            Description = "Accelerator config YAML; repeat for several (default: the embedded edge-npu config)",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var set = CommonOptions.Set();
        var output = new Option<string?>("--out") { Description = "Report folder (default: reports/<trace>-<configs>-<UTC yyyyMMdd-HHmmss>); must not exist or be empty" };
        var force = new Option<bool>("--force") { Description = "Replace an existing --out folder (the old one is removed only once the new one is complete)" };
        var layers = new Option<string?>("--layers") { Description = "Comma-separated globs over layer names and kinds (default: all layers)" };
        var focus = new Option<string?>("--focus-layer") { Description = "Layer for the energy-compaction and autocorrelation plots (default: the one with the most MACs)" };
        var threads = CommonOptions.Threads();
        var cmd = new Command("run", "The main job: replay a trace on accelerator configs (golden numerics and cost, STaMP vs A4 vs A8) and write a report folder.")
        {
            trace, configs, set, output, force, layers, focus, threads,
        };
        cmd.SetAction(p =>
        {
            var started = DateTimeOffset.UtcNow;
            var commandLine = new[] { "stampsim" }.Concat(p.Tokens.Select(t => t.Value)).ToArray();
            var exec = CommonOptions.Execution(p, threads, CommonOptions.Kernel());
            var request = new RunRequest(p.GetValue(trace), p.GetValue(configs) ?? [], p.GetValue(set) ?? [], p.GetValue(layers), p.GetValue(focus), exec);
            using var run = ReportRun.Prepare(request, console.Warn);
            string target = p.GetValue(output) ?? ReportName.Default(run.Trace.Name, run.Configs.Select(c => c.Label).ToList(), started);
            using var folder = ReportFolder.Begin(target, p.GetValue(force), ManifestJson.Format, [request.Trace, .. request.ConfigPaths]);

            var outcomes = Evaluate(console, run);
            var result = run.Finish(outcomes, commandLine, started);
            ReportWriter.Write(result, folder.Staging);
            folder.Commit();
            PrintSummary(console, result, target);
            return 0;
        });
        return cmd;
    }

    private static List<LayerOutcome> Evaluate(CliConsole console, ReportRun run) => CliProgress.Run(console, "layer", progress =>
    {
        var outcomes = new List<LayerOutcome>();
        progress.Report(0, run.Layers.Count, run.Layers[0].Name);
        foreach (var o in run.Run())
        {
            outcomes.Add(o);
            progress.Report(outcomes.Count, run.Layers.Count, $"{o.Layer.Name}, {Formatting.Fixed(o.Seconds, 2)} s");
        }
        return outcomes;
    });

    private static void PrintSummary(CliConsole console, RunResult result, string target)
    {
        var o = console.Out;
        o.WriteLine($"trace {result.Trace.Name} ({result.Trace.Manifest.Model}), {result.Layers.Count} layer(s)");
        foreach (var config in result.Configs)
        {
            var mac = config.Config.MacArray;
            var n = config.Config.Numerics;
            o.WriteLine();
            o.WriteLine($"config {config.Label}: {mac.Rows}x{mac.Cols} {Numerics.ConfigNames.Of(mac.Multiplier)} array, " +
                        $"STaMP {n.Transform.Name} with {n.HiTokens} tokens at {n.HiBits} bits, rest {n.LoBits}; energy table {config.Accelerator.Energy.Hash}");
            o.WriteLine(SummaryTable.Legend);
            foreach (var line in SummaryTable.PerLayer(result, config.Label).PlainLines("  ")) o.WriteLine(line);
            if (SummaryTable.DramNote(result, config.Label) is { } dram) o.WriteLine(dram + ".");
        }
        o.WriteLine();
        o.WriteLine($"report: {target}");
    }
}
