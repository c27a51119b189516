using StampSim.App.Sweeps;
using StampSim.Reports.Sweeps;
using StampSim.Sweeps;
using StampSim.Tests.Support;

namespace StampSim.Tests.Sweeps;

public class SweepRunTests
{
    private static string Spec(string dir, string axes, string extra = "")
    {
        string path = Path.Combine(dir, "spec.yaml");
        string config = Path.Combine(SharedData.RepoRoot(), "hwconfigs", "edge-npu.yaml");
        File.WriteAllText(path, $"trace: bundled\nlayers: \"layers.0.*,layers.1.attention.wq\"\nconfig: {config}\naxes:\n{axes}{extra}");
        return path;
    }

    private const string Axes = "  mac_array.rows: [8, 16, 32]\n  numerics.hi_tokens: [0, 16, 64]\n  dram.bandwidth: [12.8 GB/s, 25.6 GB/s]\n";

    [Fact]
    public void Grid_expansion_order_and_constraints()
    {
        using var dir = new TempDir();
        using var inputs = SweepInputs.Open(SweepSpec.Load(Spec(dir.Root, Axes, "constraints: ['mac_array.rows * dram.bandwidth <= 30e10']\n")));
        var points = SweepPlan.Expand(inputs.Spec, inputs.Configs);
        // rows * bandwidth (B/s) <= 3e11: rows 8 with both bandwidths, rows 16 with 12.8 GB/s only; 3 hi_tokens each.
        Assert.Equal(9, points.Count);
        Assert.Equal(["8", "0", "12.8 GB/s"], points[0].Values);
        Assert.Equal(["8", "0", "25.6 GB/s"], points[1].Values);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6, 8, 10], points.Select(p => p.Index));
        Assert.Equal(25.6e9, points[1].Config.Accelerator!.Dram.Bandwidth);
    }

    [Fact]
    public void Random_sampling_is_seeded_and_distinct()
    {
        using var dir = new TempDir();
        var spec = SweepSpec.Load(Spec(dir.Root, Axes, "sampling: {random: 7, seed: 3}\n"));
        using var inputs = SweepInputs.Open(spec);
        var a = SweepPlan.Expand(spec, inputs.Configs).Select(p => p.Index).ToArray();
        var b = SweepPlan.Expand(spec, inputs.Configs).Select(p => p.Index).ToArray();
        Assert.Equal(7, a.Length);
        Assert.Equal(a, b);
        Assert.Equal(7, a.Distinct().Count());
        Assert.All(a, i => Assert.InRange(i, 0, 17));
        using var otherDir = new TempDir();
        var other = SweepSpec.Load(Spec(otherDir.Root, Axes, "sampling: {random: 7, seed: 4}\n"));
        using var otherInputs = SweepInputs.Open(other);
        Assert.NotEqual(a, SweepPlan.Expand(other, otherInputs.Configs).Select(p => p.Index).ToArray());
    }

    [Fact]
    public void Numerics_run_once_per_distinct_setting()
    {
        using var temp = new TempDir();
        string dir = temp.Root;
        using var inputs = SweepInputs.Open(SweepSpec.Load(Spec(dir, Axes)));
        var summary = SweepRunner.Run(inputs, new SweepRunOptions(Path.Combine(dir, "out"), Jobs: 2));
        Assert.Equal(18, summary.Points);
        // rows and bandwidth are hardware only (32-bit accumulators cannot overflow): 3 hi_tokens settings.
        Assert.Equal(3, summary.EngineRuns);
        var narrow = SweepSpec.Load(Spec(dir, Axes, "set: {numerics.accumulator.tree_bits: 12}\n"));
        using var narrowInputs = SweepInputs.Open(narrow);
        // 12-bit trees: with hi_tokens 0 every token is 4-bit (|code| <= 15, x 7 per weight), so chunks of 8 and 16
        // cannot overflow and share a run, 32 cannot; with 8-bit tokens every row count overflows: 2 + 3 + 3 runs.
        Assert.Equal(8, SweepRunner.Run(narrowInputs, new SweepRunOptions(Path.Combine(dir, "narrow"))).EngineRuns);
    }

    [Fact]
    public void Interrupted_sweep_resumes_without_redoing_points_and_refuses_a_changed_spec()
    {
        using var temp = new TempDir();
        string dir = temp.Root;
        string outDir = Path.Combine(dir, "out");
        using (var inputs = SweepInputs.Open(SweepSpec.Load(Spec(dir, Axes))))
            SweepRunner.Run(inputs, new SweepRunOptions(outDir));
        string points = Path.Combine(outDir, SweepFolder.PointsFile);
        var full = File.ReadAllLines(points);
        // Simulate a kill: keep 5 complete rows and a torn sixth.
        File.WriteAllText(points, string.Join("\n", full.Take(6)) + "\n" + full[6][..10]);
        using (var inputs = SweepInputs.Open(SweepSpec.Load(Spec(dir, Axes))))
        {
            var summary = SweepRunner.Run(inputs, new SweepRunOptions(outDir));
            Assert.Equal(5, summary.Resumed);
            Assert.Equal(13, summary.Evaluated);
        }
        // The resumed rows were appended after the surviving ones; the finished file is back in index order.
        Assert.Equal(full, File.ReadAllLines(points));

        using var changed = SweepInputs.Open(SweepSpec.Load(Spec(dir, Axes.Replace("[8, 16, 32]", "[8, 16]"))));
        var e = Assert.Throws<InputException>(() => SweepRunner.Run(changed, new SweepRunOptions(outDir)));
        Assert.Contains("--force", e.Message);
        Assert.Equal(12, SweepRunner.Run(changed, new SweepRunOptions(outDir, Force: true)).Evaluated);
    }

    [Fact]
    public void Shards_merge_to_exactly_the_single_run()
    {
        using var temp = new TempDir();
        string dir = temp.Root;
        var spec = SweepSpec.Load(Spec(dir, Axes));
        using var inputs = SweepInputs.Open(spec);
        SweepRunner.Run(inputs, new SweepRunOptions(Path.Combine(dir, "single"), Jobs: 2));
        for (int i = 0; i < 3; i++)
            SweepRunner.Run(inputs, new SweepRunOptions(Path.Combine(dir, $"shard{i}"), ShardIndex: i, ShardCount: 3));
        var shards = Enumerable.Range(0, 3).Select(i => Path.Combine(dir, $"shard{i}")).ToArray();
        Assert.Equal(18, SweepMerge.Merge(shards, Path.Combine(dir, "merged"), spec));
        // A finished sweep is canonical (index order), so the two jobs in parallel and the merge hold the same bytes.
        foreach (var file in new[] { SweepFolder.PointsFile, SweepFolder.ParetoFile, SweepState.FileName })
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "single", file)), File.ReadAllBytes(Path.Combine(dir, "merged", file)));

        var e = Assert.Throws<InputException>(() => SweepMerge.Merge(shards[..2], Path.Combine(dir, "partial"), spec));
        Assert.Contains("missing shard(s) 2 of 3", e.Message);
    }

    [Fact]
    public void Pareto_front_of_hand_made_points()
    {
        double[][] points =
        [
            [1, 5], // front
            [2, 4], // front
            [2, 5], // dominated by [2, 4] and [1, 5]
            [3, 1], // front
            [3, 1], // equal to the previous: neither dominates, both stay
            [4, 4], // dominated by [2, 4]
            [double.NaN, 0],
        ];
        Assert.Equal([0, 1, 3, 4], ParetoFront.Of(points));
    }

    [Fact]
    public void A_point_no_layer_can_run_stops_the_sweep_before_anything_is_written_naming_point_layer_and_rule()
    {
        using var dir = new TempDir();
        using var inputs = SweepInputs.Open(SweepSpec.Load(Spec(dir.Root, "  numerics.act_group: [0, 7]\n")));
        string outDir = dir.File("out");
        var e = Assert.Throws<InputException>(() => SweepRunner.Run(inputs, new SweepRunOptions(outDir)));
        Assert.Equal($"{inputs.Spec.Source}: point 1 (numerics.act_group=7): layer layers.0.attention.wq (s=512, d=64): numerics.act_group: 7 does not divide the feature count d = 64", e.Message);
        Assert.False(Directory.Exists(outDir));

        using var hadamard = SweepInputs.Open(SweepSpec.Load(Spec(dir.Root, "  numerics.feature_transform: [none, hadamard]\n")));
        e = Assert.Throws<InputException>(() => SweepRunner.Run(hadamard, new SweepRunOptions(outDir)));
        Assert.Contains("point 1 (numerics.feature_transform=hadamard): layer layers.0.feed_forward.w2 (s=512, d=172): numerics.feature_transform: hadamard needs a power-of-two feature count", e.Message);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void A_mapping_that_does_not_fit_a_layer_is_an_infeasible_point_with_its_reason_and_the_sweep_goes_on()
    {
        using var dir = new TempDir();
        using var inputs = SweepInputs.Open(SweepSpec.Load(Spec(dir.Root, "  mapping.tile_tokens: [3, 64]\n",
            "set: {mapping.loop_order: weights_outer, mapping.tile_outputs: 16}\n")));
        var summary = SweepRunner.Run(inputs, new SweepRunOptions(dir.File("out")));
        Assert.Equal(2, summary.Evaluated);
        var rows = File.ReadAllLines(Path.Combine(dir.File("out"), SweepFolder.PointsFile));
        Assert.StartsWith("0,edge-npu.yaml,bundled,3,false,\"layers.0.attention.wq: mapping.tile_tokens: 3 is not a multiple of the sequence transform's block of 8 tokens", rows[1]);
        Assert.StartsWith("1,edge-npu.yaml,bundled,64,true,,", rows[2]);
    }
}
