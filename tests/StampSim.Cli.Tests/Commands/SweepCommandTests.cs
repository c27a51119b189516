using SkiaSharp;
using StampSim.Tests.Support;

namespace StampSim.Tests.Commands;

public class SweepCommandTests
{
    private static string Spec(TempDir dir, string extra = "")
    {
        string config = Path.Combine(SharedData.RepoRoot(), "hwconfigs", "edge-npu.yaml");
        File.WriteAllText(dir.File("spec.yaml"),
            $"trace: bundled\nlayers: \"layers.0.*\"\nconfig: {config}\naxes:\n  mac_array.rows: [8, 16, 32]\n  numerics.hi_tokens: [0, 16, 64]\n{extra}");
        return dir.File("spec.yaml");
    }

    [Fact]
    public void Sweep_writes_points_pareto_report_plots_and_manifest()
    {
        using var dir = new TempDir();
        var r = Harness.Run("sweep", Spec(dir), "--out", dir.File("out"), "--jobs", "2");
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("9 points", r.Out);
        Assert.Contains("golden engine runs: 3 distinct numerics settings", r.Out);
        foreach (var f in new[] { "points.csv", "pareto.csv", "sweep.json", "report.md", "report.html", "manifest.json", "plots/pareto_energy_latency.png", "plots/sqnr_vs_bits.svg", "plots/sensitivity.mac_array.rows.png" })
            Assert.True(File.Exists(dir.File(Path.Combine("out", f))), f);
        Assert.Equal(10, File.ReadAllLines(dir.File("out/points.csv")).Length);
        using var png = SKBitmap.Decode(dir.File("out/plots/pareto_energy_latency.png"));
        Assert.True(png.Width > 500 && png.Height > 300);
        Assert.Contains("Pareto-optimal points", File.ReadAllText(dir.File("out/report.md")));

        // Rerunning resumes: nothing left to evaluate, so no progress line.
        var again = Harness.Run("sweep", Spec(dir), "--out", dir.File("out"));
        Assert.True(again.Code == 0, again.Err);
        Assert.Contains("9 already done, 0 evaluated", again.Out);
        Assert.Equal("", again.Err);
    }

    [Fact]
    public void Model_sweep_writes_its_report_with_the_ttft_energy_chart_merges_and_resumes()
    {
        using var dir = new TempDir();
        string config = Path.Combine(SharedData.RepoRoot(), "hwconfigs", "edge-npu.yaml");
        File.WriteAllText(dir.File("spec.yaml"), $"model: {{arch: stories260K, prompt: 64, decode: 16}}\ntrace: bundled\nconfig: {config}\n" +
            "axes:\n  mac_array.rows: [8, 16]\n  numerics.hi_tokens: [0, 16, 64]\n");
        var r = Harness.Run("sweep", dir.File("spec.yaml"), "--out", dir.File("out"), "--jobs", "2");
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("6 points", r.Out);
        string html = File.ReadAllText(dir.File("out/report.html"));
        Assert.Contains("Pareto plot: energy per token vs TTFT", html);
        Assert.Contains("decode energy per token (mJ)", html);
        Assert.Contains("TTFT (s)", File.ReadAllText(dir.File("out/report.md")));

        var again = Harness.Run("sweep", dir.File("spec.yaml"), "--out", dir.File("out"));
        Assert.True(again.Code == 0, again.Err);
        Assert.Contains("6 already done, 0 evaluated", again.Out);

        for (int i = 0; i < 2; i++)
            Assert.Equal(0, Harness.Run("sweep", dir.File("spec.yaml"), "--out", dir.File($"shard{i}"), "--shard", $"{i}/2").Code);
        var merged = Harness.Run("merge", dir.File("shard0"), dir.File("shard1"), "--out", dir.File("merged"));
        Assert.True(merged.Code == 0, merged.Err);
        Assert.Equal(File.ReadAllBytes(dir.File("out/points.csv")), File.ReadAllBytes(dir.File("merged/points.csv")));
        Assert.Equal(File.ReadAllBytes(dir.File("out/pareto.csv")), File.ReadAllBytes(dir.File("merged/pareto.csv")));
    }

    [Fact]
    public void Sweep_in_a_pipe_prints_one_line_per_finished_point_to_stderr()
    {
        using var dir = new TempDir();
        var r = Harness.Run("sweep", Spec(dir), "--out", dir.File("out"), "--jobs", "2");
        Assert.True(r.Code == 0, r.Err);
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(9, lines.Length);
        for (int k = 0; k < lines.Length; k++)
            Assert.Matches($@"^point {k + 1}/9 done \(#\d: mac_array\.rows=(8|16|32), numerics\.hi_tokens=(0|16|64)\) elapsed \d+s, ETA (\d+s|\d+m\d\ds)$", lines[k]);
        Assert.EndsWith("ETA 0s", lines[^1]);
        // Each point is reported once.
        Assert.Equal(9, lines.Select(l => l[(l.IndexOf('#') + 1)..l.IndexOf(':')]).Distinct().Count());
    }

    [Fact]
    public void Shards_merge_from_the_command_line()
    {
        using var dir = new TempDir();
        string spec = Spec(dir);
        for (int i = 0; i < 2; i++)
            Assert.Equal(0, Harness.Run("sweep", spec, "--shard", $"{i}/2", "--out", dir.File($"s{i}")).Code);
        var r = Harness.Run("merge", dir.File("s0"), dir.File("s1"), "--out", dir.File("merged"));
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("2 shards, 9 points", r.Out);
        Assert.True(File.Exists(dir.File("merged/report.md")));
        Harness.AssertBadInput(Harness.Run("merge", dir.File("s0"), "--out", dir.File("m2")), "missing shard(s) 1 of 2");
    }

    [Fact]
    public void Bad_specs_and_options_are_clean_errors()
    {
        using var dir = new TempDir();
        Harness.AssertBadInput(Harness.Run("sweep", Spec(dir, "constraints: ['mac_array.rowz > 1']\n"), "--out", dir.File("o")), "'mac_array.rowz' is not a config key");
        Harness.AssertBadInput(Harness.Run("sweep", Spec(dir).Replace("spec", "nope")), "sweep spec not found");
        Harness.AssertBadInput(Harness.Run("sweep", Spec(dir), "--shard", "2/2"), "--shard: expected i/N with 0 <= i < N");
        File.WriteAllText(dir.File("bad.yaml"), "trace: bundled\nconfig: edge-npu\naxes:\n  mac_array.rows: [0]\n");
        Harness.AssertBadInput(Harness.Run("sweep", dir.File("bad.yaml"), "--out", dir.File("o2")), "mac_array.rows: 0 is out of range (between 1 and 65536)");
    }
}
