using Spectre.Console;
using System.CommandLine;
using System.Diagnostics;
using StampSim.Config;
using StampSim.Evaluation;
using StampSim.Io;
using StampSim.Reports.Schemas;
using StampSim.Reports;
using StampSim.Traces;
using StampSim.Reports.Writers;

namespace StampSim.Cli.Commands;

/// <summary>
/// <c>stampsim replay</c>: every selected layer of a trace through the golden engine, a per-layer
/// table (a progress bar while it runs when stdout is a terminal, plain lines otherwise), and the
/// per-layer metrics as JSON and CSV.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CliConsole console)
    {
        var trace = TraceOptions.Trace(required: true);
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var layers = new Option<string?>("--layers") { Description = "Comma-separated globs over layer names and kinds, e.g. 'blocks.0.*,mlp.*' (default: all)" };
        var json = new Option<string?>("--json") { Description = "Write per-layer metrics as JSON (the keys of 'stampsim layer --metrics')" };
        var csv = new Option<string?>("--csv") { Description = "Write per-layer metrics as CSV" };
        var threads = CommonOptions.Threads();
        var kernel = CommonOptions.Kernel();
        var cmd = new Command("replay", "Replay a trace's layers through the golden STaMP numerics and report each layer's error.")
        {
            trace, config, set, layers, json, csv, threads, kernel,
        };
        cmd.SetAction(p =>
        {
            var cfg = StampConfig.Load(p.GetValue(config), p.GetValue(set) ?? []);
            var exec = CommonOptions.Execution(p, threads, kernel);
            string? jsonPath = p.GetValue(json), csvPath = p.GetValue(csv);
            using var outputs = new OutputSet([p.GetValue(config), p.GetValue(trace)]);
            if (jsonPath is not null) outputs.Reserve(jsonPath, "--json");
            if (csvPath is not null) outputs.Reserve(csvPath, "--csv");
            using var file = TraceFile.Open(p.GetValue(trace)!, warn: console.Warn);
            var selected = LayerSelection.Select(file.Manifest, p.GetValue(layers), file.Name);
            var replay = new TraceReplay(file, new LayerEvaluator(exec));
            var transforms = selected.Select(l => replay.Check(l, cfg).Description).ToArray();
            var clock = Stopwatch.StartNew();
            var rows = console.IsTerminal ? WithProgress(console, replay.Run(selected, cfg), selected) : WithLines(console, replay.Run(selected, cfg), selected, transforms);
            if (jsonPath is not null) outputs.AddText(jsonPath, ReplayJson.Text(file, cfg, rows));
            if (csvPath is not null) outputs.AddText(csvPath, ReplayCsv.Build(rows));
            outputs.Commit();
            console.Out.WriteLine($"replayed {rows.Count} layer(s) of {file.Path} in {Display.Fixed(clock.Elapsed.TotalSeconds, 2)} s" +
                                  (jsonPath is null ? "" : $"; metrics: {jsonPath}") + (csvPath is null ? "" : $"; csv: {csvPath}"));
            return 0;
        });
        return cmd;
    }

    private static List<LayerRecord> WithLines(CliConsole console, IEnumerable<LayerRecord> records, IReadOnlyList<TraceLayer> selected, IReadOnlyList<string> transforms)
    {
        var widths = ReplayRows.Widths(selected, transforms);
        console.Out.WriteLine(ReplayRows.Line(ReplayRows.Headers, widths));
        var rows = new List<LayerRecord>();
        foreach (var r in records)
        {
            rows.Add(r);
            console.Out.WriteLine(ReplayRows.Line(ReplayRows.Cells(r), widths));
        }
        return rows;
    }

    private static List<LayerRecord> WithProgress(CliConsole console, IEnumerable<LayerRecord> records, IReadOnlyList<TraceLayer> selected)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Out) });
        var rows = new List<LayerRecord>();
        ansi.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(selected[0].Name), maxValue: selected.Count);
                foreach (var r in records)
                {
                    rows.Add(r);
                    task.Increment(1);
                    if (rows.Count < selected.Count) task.Description = Markup.Escape(selected[rows.Count].Name);
                }
            });
        var table = new Table();
        foreach (var (h, i) in ReplayRows.Headers.Select((h, i) => (h, i)))
            table.AddColumn(new TableColumn(h) { Alignment = i is 0 or 1 or 5 ? Justify.Left : Justify.Right });
        foreach (var r in rows) table.AddRow(ReplayRows.Cells(r).Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)).ToArray());
        ansi.Write(table);
        return rows;
    }
}
