using System.CommandLine;
using System.Globalization;
using StampSim.App.Sweeps;
using StampSim.Reports.Sweeps;
using StampSim.Sweeps;

namespace StampSim.Cli.Commands;

/// <summary><c>stampsim sweep</c> and <c>stampsim merge</c>: design-space exploration with Pareto fronts.</summary>
internal static class SweepCommand
{
    public static Command Create(CliConsole console)
    {
        var spec = new Argument<string>("spec") { Description = "Sweep spec (YAML)" };
        var output = new Option<string?>("--out") { Description = "Output folder (default: reports/sweep-<spec name>)" };
        var jobs = new Option<int>("--jobs") { Description = "Points evaluated in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shard = new Option<string?>("--shard") { Description = "Evaluate only shard i of N (i/N, 0-based), for scheduler array jobs" };
        var force = new Option<bool>("--force") { Description = "Start over when the folder holds a sweep of a different spec" };
        var threads = CommonOptions.Threads();
        var cmd = new Command("sweep", "Evaluate every point of a design-space sweep (resumable, shardable) and extract the Pareto front.")
        {
            spec, output, jobs, shard, force, threads,
        };
        cmd.SetAction(p =>
        {
            var s = SweepSpec.Load(p.GetValue(spec)!);
            var (index, count) = ParseShard(p.GetValue(shard));
            int j = p.GetValue(jobs);
            if (j < 1) throw new InputException($"--jobs: must be at least 1, got {j}");
            string outDir = p.GetValue(output) ?? Path.Combine("reports", $"sweep-{Path.GetFileNameWithoutExtension(s.Source)}" + (index is int i ? $"-shard{i}of{count}" : ""));
            var exec = CommonOptions.Execution(p, threads, CommonOptions.Kernel());
            var started = DateTimeOffset.UtcNow;
            using var inputs = SweepInputs.Open(s);
            var options = new SweepRunOptions(outDir, j, index, count, p.GetValue(force), exec);
            var summary = Run(console, inputs, options);
            WriteReport(p, outDir, s, summary.EngineRuns, started);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sweep: {summary.Points} points ({summary.Resumed} already done, {summary.Evaluated} evaluated) in {summary.Seconds:0.0} s; golden engine runs: {summary.EngineRuns} distinct numerics settings; results in {outDir}"));
            return 0;
        });
        return cmd;
    }

    public static Command CreateMerge(CliConsole console)
    {
        var dirs = new Argument<string[]>("dirs") { Description = "Shard folders", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Merged folder", Required = true };
        var specOption = new Option<string?>("--spec") { Description = "The sweep spec (default: the path recorded in the shards)" };
        var force = new Option<bool>("--force") { Description = "Replace an existing merged sweep folder (the old one is removed only once the new one is complete)" };
        var cmd = new Command("merge", "Combine the shard folders of one sweep into a single result.") { dirs, output, specOption, force };
        cmd.SetAction(p =>
        {
            var folders = p.GetValue(dirs)!;
            string specPath = p.GetValue(specOption) ?? (SweepState.Read(folders[0])?.SpecSource
                ?? throw new InputException($"{folders[0]}: not a sweep folder (no {SweepState.FileName})"));
            var started = DateTimeOffset.UtcNow;
            var spec = SweepSpec.Load(specPath);
            // The merged folder appears whole or not at all, like a report.
            using var folder = Reports.Folder.ReportFolder.Begin(p.GetValue(output)!, p.GetValue(force), SweepReport.Format, [specPath, .. folders]);
            int points = SweepMerge.Merge(folders, folder.Staging, spec);
            WriteReport(p, folder.Staging, spec, 0, started);
            folder.Commit();
            console.Out.WriteLine($"merge: {folders.Length} shards, {points} points into {p.GetValue(output)}");
            return 0;
        });
        return cmd;
    }

    // The report (plots, report.md, manifest.json) describes a complete sweep folder.
    private static void WriteReport(ParseResult p, string dir, SweepSpec spec, int engineRuns, DateTimeOffset started)
    {
        var state = SweepState.Read(dir)!;
        var commandLine = new[] { "stampsim" }.Concat(p.Tokens.Select(t => t.Value)).ToArray();
        var provenance = Reports.Provenance.RunProvenance.Capture(commandLine, started, DateTimeOffset.UtcNow);
        Reports.Sweeps.SweepReport.Write(dir, spec, state, engineRuns, provenance);
    }

    private static SweepSummary Run(CliConsole console, SweepInputs inputs, SweepRunOptions options) =>
        CliProgress.Run(console, "point", progress => SweepRunner.Run(inputs, options, p => progress.Report(p.Done, p.Total, p.Finished is { } point ? Describe(inputs.Spec, point) : null)));

    // "#7: mac_array.rows=16, dram.bandwidth=25.6 GB/s"
    private static string Describe(SweepSpec spec, SweepPoint point) =>
        $"#{point.Index}: " + string.Join(", ", spec.Axes.Zip(point.Values, (axis, value) => $"{axis.Key}={value}"));

    private static (int? Index, int Count) ParseShard(string? text)
    {
        if (text is null) return (null, 1);
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out int i) && int.TryParse(parts[1], out int n) && n >= 1 && i >= 0 && i < n)
            return (i, n);
        throw new InputException($"--shard: expected i/N with 0 <= i < N (e.g. 0/4), got '{text}'");
    }
}
