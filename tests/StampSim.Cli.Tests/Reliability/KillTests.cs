using System.Diagnostics;
using StampSim.Tests.Support;

namespace StampSim.Tests.Reliability;

/// <summary>
/// <c>run</c>, <c>sweep</c> and <c>merge</c> killed at seeded random moments by SIGINT, SIGTERM and SIGKILL:
/// the next run gives the same result as an uninterrupted one, and nothing is left beside the output.
/// Sweeps run with <c>--jobs 1</c>, so <c>points.csv</c> is in index order and a resumed sweep's files are
/// byte-identical to an uninterrupted one's.
/// </summary>
public class KillTests
{
    private static readonly string[] Signals = ["INT", "TERM", "KILL"];

    private static string Config => Path.Combine(SharedData.RepoRoot(), "hwconfigs", "edge-npu.yaml");

    // Kills a child running args at a seeded moment within the time an uninterrupted child takes.
    private static void KillAtRandom(string workingDirectory, Random rng, string signal, TimeSpan typical, params string[] args)
    {
        using var child = ChildCli.Start(workingDirectory, args);
        Thread.Sleep(TimeSpan.FromMilliseconds(rng.NextDouble() * typical.TotalMilliseconds));
        ChildCli.Signal(child, signal);
    }

    // The uninterrupted reference runs in-process; a child takes longer, as it also starts the runtime and
    // compiles the code, so kill moments are drawn from twice the in-process time plus a second.
    private static TimeSpan Reference(params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var r = Harness.Run(args);
        Assert.True(r.Code == 0, r.Err);
        return clock.Elapsed * 2 + TimeSpan.FromSeconds(1);
    }

    private static void AssertOnly(string dir, params string[] names) =>
        Assert.Equal(names.Order(), Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order());

    [Fact]
    public void A_killed_run_is_cleaned_up_and_rerun_to_the_same_result()
    {
        using var dir = new TempDir();
        File.Copy(Harness.Fixture("trace_f32.safetensors"), dir.File("t.safetensors"));
        string[] Run(string output) => ["run", "--trace", dir.File("t.safetensors"), "--config", Config, "--out", dir.File(output), "--force"];
        var typical = Reference(Run("reference"));
        var rng = new Random(31);
        foreach (var signal in Signals)
        {
            KillAtRandom(dir.Root, rng, signal, typical, Run("r"));
            var again = Harness.Run(Run("r"));
            Assert.True(again.Code == 0, $"{signal}: {again.Err}");
            AssertOnly(dir.Root, "t.safetensors", "reference", "r");
            Assert.Equal(File.ReadAllText(dir.File("reference/layers.csv")), File.ReadAllText(dir.File("r/layers.csv")));
        }
    }

    [Fact]
    public void A_killed_sweep_resumes_to_byte_identical_points_and_pareto()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("s.yaml"), $"trace: bundled\nlayers: \"layers.0.attention.wq\"\nconfig: {Config}\naxes:\n  mac_array.rows: [8, 16]\n  numerics.hi_tokens: [0, 8, 16, 32]\n");
        string[] Sweep(string output) => ["sweep", dir.File("s.yaml"), "--out", dir.File(output), "--jobs", "1"];
        var typical = Reference(Sweep("reference"));
        var rng = new Random(32);
        foreach (var signal in Signals)
        {
            string output = $"s-{signal}";
            KillAtRandom(dir.Root, rng, signal, typical, Sweep(output));
            var again = Harness.Run(Sweep(output));
            Assert.True(again.Code == 0, $"{signal}: {again.Err}");
            foreach (var file in new[] { "points.csv", "pareto.csv" })
                Assert.Equal(File.ReadAllBytes(dir.File($"reference/{file}")), File.ReadAllBytes(dir.File($"{output}/{file}")));
            Assert.DoesNotContain(Directory.GetFileSystemEntries(dir.File(output), "*", SearchOption.AllDirectories), e => Path.GetFileName(e).StartsWith('.'));
        }
    }

    [Fact]
    public void A_killed_merge_is_cleaned_up_and_rerun_to_the_same_result()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("s.yaml"), $"trace: bundled\nlayers: \"layers.0.attention.wq\"\nconfig: {Config}\naxes:\n  numerics.hi_tokens: [0, 8, 16, 32]\n");
        foreach (var shard in new[] { "0/2", "1/2" })
            Assert.Equal(0, Harness.Run("sweep", dir.File("s.yaml"), "--out", dir.File($"shard{shard[0]}"), "--shard", shard, "--jobs", "1").Code);
        string[] Merge(string output) => ["merge", dir.File("shard0"), dir.File("shard1"), "--spec", dir.File("s.yaml"), "--out", dir.File(output), "--force"];
        var typical = Reference(Merge("reference"));
        var rng = new Random(33);
        foreach (var signal in Signals)
        {
            KillAtRandom(dir.Root, rng, signal, typical, Merge("m"));
            var again = Harness.Run(Merge("m"));
            Assert.True(again.Code == 0, $"{signal}: {again.Err}");
            AssertOnly(dir.Root, "s.yaml", "shard0", "shard1", "reference", "m");
            foreach (var file in new[] { "points.csv", "pareto.csv" })
                Assert.Equal(File.ReadAllBytes(dir.File($"reference/{file}")), File.ReadAllBytes(dir.File($"m/{file}")));
        }
    }
}
