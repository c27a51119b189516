using StampSim.Sweeps;
using StampSim.Reports.Sweeps;

namespace StampSim.App.Sweeps;

/// <summary>
/// Combines the folders of a sharded sweep (<c>--shard i/N</c>) into one: the same spec (hash),
/// every shard present and complete; rows sorted by point index, as a single run would hold them.
/// </summary>
public static class SweepMerge
{
    /// <summary>Merges <paramref name="dirs"/> into <paramref name="outDir"/>; returns the number of points.</summary>
    /// <exception cref="InputException">Mismatched specs, missing or incomplete shards, or corrupted folders.</exception>
    public static int Merge(IReadOnlyList<string> dirs, string outDir, SweepSpec spec)
    {
        if (dirs.Count == 0) throw new InputException("merge: give the shard folders to merge");
        var states = dirs.Select(d => (Dir: d, State: SweepState.Read(d) ?? throw new InputException($"{d}: not a sweep folder (no {SweepState.FileName})"))).ToList();
        var first = states[0].State;
        foreach (var (dir, state) in states)
        {
            if (state.SpecHash != first.SpecHash)
                throw new InputException($"{dir}: a different sweep (spec hash {state.SpecHash[..12]}, {states[0].Dir} has {first.SpecHash[..12]})");
            if (state.ShardCount != first.ShardCount)
                throw new InputException($"{dir}: shard of {state.ShardCount}, {states[0].Dir} is a shard of {first.ShardCount}");
        }
        var indices = states.Select(s => s.State.ShardIndex ?? 0).ToList();
        var missing = Enumerable.Range(0, first.ShardCount).Except(indices).ToList();
        if (missing.Count > 0) throw new InputException($"merge: missing shard(s) {string.Join(", ", missing)} of {first.ShardCount}");
        if (indices.Distinct().Count() != indices.Count) throw new InputException("merge: the same shard is given twice");

        string header = PointsCsv.Header(spec);
        var rows = new SortedDictionary<long, string[]>();
        foreach (var (dir, state) in states)
        {
            var shardRows = PointsCsv.Read(Path.Combine(dir, SweepFolder.PointsFile), header);
            if (shardRows.Count != state.Points)
                throw new InputException($"{dir}: incomplete shard ({shardRows.Count} of {state.Points} points); resume it first");
            foreach (var (index, row) in shardRows) rows[index] = row;
        }
        Directory.CreateDirectory(outDir);
        PointsCsv.Write(Path.Combine(outDir, SweepFolder.PointsFile), header, rows.Values);
        new SweepState(first.SpecHash, first.SpecSource, null, 1, rows.Count, first.TotalPoints).Write(outDir);
        SweepRunner.WritePareto(outDir, spec, header);
        return rows.Count;
    }
}
