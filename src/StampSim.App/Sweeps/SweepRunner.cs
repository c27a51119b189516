using System.Diagnostics;
using System.Text;
using StampSim.Numerics;
using StampSim.Sweeps;
using StampSim.Reports.Sweeps;

namespace StampSim.App.Sweeps;

/// <summary>How a sweep runs.</summary>
/// <param name="OutDir">Output folder (created; resumed when it holds the same sweep).</param>
/// <param name="Jobs">Points evaluated in parallel.</param>
/// <param name="ShardIndex">This machine's shard (0-based), or null.</param>
/// <param name="ShardCount">Number of shards.</param>
/// <param name="Force">Start over even though the folder holds a sweep of a different spec.</param>
/// <param name="Execution">Threads and kernels of the golden engine.</param>
public sealed record SweepRunOptions(string OutDir, int Jobs = 1, int? ShardIndex = null, int ShardCount = 1, bool Force = false, ExecutionOptions? Execution = null);

/// <summary>What a sweep run did.</summary>
/// <param name="Points">Points in this folder's share of the sweep.</param>
/// <param name="Evaluated">Points evaluated by this run.</param>
/// <param name="Resumed">Points found already done.</param>
/// <param name="EngineRuns">Distinct numerics settings run through the golden engine.</param>
/// <param name="Seconds">Wall time.</param>
public sealed record SweepSummary(int Points, int Evaluated, int Resumed, int EngineRuns, double Seconds);

/// <summary>
/// Runs a sweep into a folder: expands the points (this shard's share), skips those already in
/// <c>points.csv</c>, evaluates the rest in parallel appending each finished row, and writes
/// <c>pareto.csv</c> when every point is done.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs (or resumes) the sweep; <paramref name="progress"/> hears first how many points are already done, then of each finished point.</summary>
    /// <exception cref="InputException">Bad spec, a changed spec without <c>--force</c>, or a corrupted folder.</exception>
    public static SweepSummary Run(SweepInputs inputs, SweepRunOptions options, Action<SweepProgress>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var spec = inputs.Spec;
        var all = SweepPlan.Expand(spec, inputs.Configs);
        var mine = options.ShardIndex is int shard ? all.Where(p => p.Index % options.ShardCount == shard).ToList() : all.ToList();
        var evaluator = SweepRows.For(inputs, options.Execution ?? ExecutionOptions.Default);
        // Every point against every layer, from the shapes, before anything is written or run: a bad point stops the sweep here, named.
        foreach (var point in mine)
        {
            try { evaluator.Check(point); }
            catch (InputException e) { throw new InputException($"{spec.Source}: point {point.Index} ({SweepPlan.Describe(spec, point.Values)}): {e.Message}", e); }
        }
        SweepFolder.Prepare(options.OutDir, [spec.Source, .. spec.Configs, .. spec.Traces]);
        string pointsPath = Path.Combine(options.OutDir, SweepFolder.PointsFile);
        var state = new SweepState(inputs.Hash, spec.Source, options.ShardIndex, options.ShardCount, mine.Count, all.Count);
        var previous = SweepState.Read(options.OutDir);
        if (previous is not null && (previous.SpecHash != state.SpecHash || previous.ShardIndex != state.ShardIndex || previous.ShardCount != state.ShardCount))
        {
            if (!options.Force)
                throw new InputException($"{options.OutDir}: holds a sweep of a different spec or shard (spec hash {previous.SpecHash[..12]} vs {state.SpecHash[..12]}); use --force to start over");
            File.Delete(pointsPath);
            File.Delete(Path.Combine(options.OutDir, SweepFolder.ParetoFile));
        }
        else if (previous is null && File.Exists(pointsPath))
        {
            throw new InputException($"{pointsPath}: exists without {SweepState.FileName}; not a sweep folder this spec made (use another --out or --force)");
        }
        state.Write(options.OutDir);

        string header = PointsCsv.Header(spec);
        if (File.Exists(pointsPath)) PointsCsv.TrimTornLine(pointsPath);
        else Io.AtomicFile.WriteAllText(pointsPath, header);
        var done = PointsCsv.Read(pointsPath, header);
        var pending = mine.Where(p => !done.ContainsKey(p.Index)).ToList();

        int finished = 0;
        progress?.Invoke(new SweepProgress(done.Count, mine.Count, null));
        evaluator.Prepare(pending);   // settings run in layer-major groups: one reference per layer and group
        using (var file = new FileStream(pointsPath, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            var gate = new object();
            Parallel.ForEach(pending, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs) }, point =>
            {
                var row = Encoding.UTF8.GetBytes(evaluator.Row(point));
                lock (gate)
                {
                    // One write per row, flushed: a kill loses at most the rows in flight.
                    file.Write(row);
                    file.Flush(flushToDisk: true);
                    finished++;
                    progress?.Invoke(new SweepProgress(done.Count + finished, mine.Count, point));
                }
            });
        }
        // Completion order depends on scheduling; the finished file is canonical (index order), so a
        // single run and a merge of shards are byte-identical. Atomic, so a kill here loses nothing.
        PointsCsv.Write(pointsPath, header, PointsCsv.Read(pointsPath, header).Values);
        WritePareto(options.OutDir, spec, header);
        return new SweepSummary(mine.Count, pending.Count, done.Count, evaluator.EngineRuns, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Writes <c>pareto.csv</c> (rows sorted by index) from the folder's <c>points.csv</c>.</summary>
    public static void WritePareto(string dir, SweepSpec spec, string header)
    {
        var rows = PointsCsv.Read(Path.Combine(dir, SweepFolder.PointsFile), header).Values.ToList();
        var columns = PointsCsv.Split(header.TrimEnd('\n'));
        int feasible = Array.IndexOf(columns, "feasible");
        var candidates = rows.Where(r => r[feasible] == "true").ToList();
        var objectives = spec.Objectives.Select(o => (Column: Array.IndexOf(columns, o.Name), o.Maximize)).ToArray();
        var values = candidates.Select(r => objectives.Select(o => (o.Maximize ? -1 : 1) * PointsCsv.ParseNumber(r[o.Column])).ToArray()).ToList();
        PointsCsv.Write(Path.Combine(dir, SweepFolder.ParetoFile), header, ParetoFront.Of(values).Select(i => candidates[i]));
    }
}
