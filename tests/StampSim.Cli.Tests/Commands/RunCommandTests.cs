using System.Globalization;
using System.Text.Json.Nodes;
using StampSim.Tests.Support;
using StampSim.Traces;

namespace StampSim.Tests.Commands;

public class RunCommandTests
{
    private static readonly string[] Stems =
        ["cycles_by_stage.edge-npu", "energy_by_component.edge-npu", "energy_shares.edge-npu", "sqnr.edge-npu", "energy_compaction.edge-npu", "roofline.edge-npu", "autocorrelation"];

    private static string Repo(params string[] parts) => Path.Combine([SharedData.RepoRoot(), .. parts]);

    private static JsonNode Json(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    [Fact]
    public void The_run_on_the_bundled_defaults_writes_every_file_and_prints_the_summary()
    {
        using var dir = new TempDir();
        string report = dir.File("report");
        var r = Harness.Run("run", "--out", report);
        Assert.True(r.Code == 0, r.Err);
        // Not a terminal: one progress line per layer on stderr, none on stdout.
        var progress = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(36, progress.Length);
        Assert.All(progress, l => Assert.Matches(@"^layer \d+/36 done \([\w.]+, \d+\.\d\d s\) elapsed \d+s, ETA \S+$", l));
        Assert.StartsWith("layer 1/36 done (layers.0.attention.wq, ", progress[0]);
        Assert.StartsWith("layer 36/36 done (output, ", progress[^1]);
        Assert.EndsWith("ETA 0s", progress[^1]);
        Assert.DoesNotContain(r.Lines, l => l.StartsWith("layer ", StringComparison.Ordinal) && l.Contains(" done ("));
        Assert.Contains(r.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+layer\s+cycles\s+/A4\s+/A8\s+DRAM bytes\s+/A4\s+/A8\s+energy uJ\s+/A4\s+/A8\s+SQNR STaMP\s+A4\s+A8$"));
        Assert.Contains(r.Lines, l => l.TrimStart().StartsWith("layers.4.feed_forward.w2 "));
        Assert.Contains(r.Lines, l => l.TrimStart().StartsWith("total "));
        Assert.Contains(r.Lines, l => l.StartsWith("DRAM bytes are the same for STaMP, A4 and A8 on every layer: X and Y live in DRAM as fp16"));
        Assert.Equal($"report: {report}", r.Lines[^1]);

        string[] expected = ["layers.csv", "manifest.json", "report.html", "report.md", "result.json", .. Stems.SelectMany(s => new[] { $"plots/{s}.png", $"plots/{s}.svg" })];
        var files = Directory.EnumerateFiles(report, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(report, f).Replace('\\', '/')).Order().ToArray();
        Assert.Equal(expected.Order().ToArray(), files);
        Assert.Equal(["report"], Directory.GetFileSystemEntries(dir.Root).Select(Path.GetFileName)); // no staging folder left behind
        Assert.Equal(1 + 36 * 3, File.ReadAllLines(Path.Combine(report, "layers.csv")).Length);
        var manifest = Json(Path.Combine(report, "manifest.json"));
        Assert.Equal(expected.Where(f => f != "manifest.json").Order(), manifest["files"]!.AsArray().Select(f => (string)f!["path"]!).Order());
        Assert.Equal(["stampsim", "run", "--out", report], manifest["command_line"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("edge-npu", (string?)manifest["configs"]![0]!["name"]);
        Assert.True((bool)manifest["trace"]!["bundled"]!);
    }

    [Fact]
    public void Csv_and_json_agree_with_layer_and_cost_on_the_same_layer_and_config()
    {
        using var dir = new TempDir();
        string report = dir.File("report");
        var run = Harness.Run("run", "--layers", "output,layers.2.feed_forward.w2", "--out", report);
        Assert.True(run.Code == 0, run.Err);
        var result = Json(Path.Combine(report, "result.json"));
        var csv = File.ReadAllLines(Path.Combine(report, "layers.csv")).Select(l => l.Split(',')).ToList();
        var columns = csv[0].ToList();
        string trace = BundledTrace.Materialize();

        foreach (var (name, gemm) in new[] { ("output", "512,64,512"), ("layers.2.feed_forward.w2", "512,172,64") })
        {
            var record = result["layers"]!.AsArray().Single(l => (string?)l!["layer"] == name)!;
            var layer = Harness.Run("layer", "--trace", trace, "--layer", name, "--out", dir.File("y.npy"), "--metrics", dir.File("m.json"));
            Assert.True(layer.Code == 0, layer.Err);
            var metrics = Json(dir.File("m.json"));
            foreach (var key in new[] { "sqnr_db", "act_sqnr_db", "payload_bits", "bits_with_metadata", "overflow_events", "theorem1_bound", "act_error_sq",
                         "output_signal_energy", "output_error_energy", "shape", "transform", "levels", "config", "cost", "baselines", "ratios" })
                Assert.True(JsonNode.DeepEquals(metrics[key], record[key]), $"{name} {key}: {metrics[key]?.ToJsonString()} vs {record[key]?.ToJsonString()}");

            var cost = Harness.Run("cost", "--gemm", gemm, "--json", dir.File("c.json"));
            Assert.True(cost.Code == 0, cost.Err);
            var c = Json(dir.File("c.json"));
            foreach (var key in new[] { "cost", "baselines", "ratios" })
                Assert.True(JsonNode.DeepEquals(c[key], record[key]), $"{name} {key}");

            var a4 = Harness.Run("layer", "--trace", trace, "--layer", name, "--out", dir.File("y4.npy"), "--metrics", dir.File("m4.json"),
                "--set", "numerics.transform=none", "--set", "numerics.hi_tokens=0", "--set", "numerics.hi_bits=4", "--set", "numerics.lo_bits=4");
            Assert.True(a4.Code == 0, a4.Err);
            var metricsA4 = Json(dir.File("m4.json"));
            Assert.True(JsonNode.DeepEquals(metricsA4["sqnr_db"], record["baseline_metrics"]!["a4"]!["sqnr_db"]));

            double Cell(string numerics, string column) => double.Parse(
                csv.Single(row => row[0] == name && row[4] == numerics)[columns.IndexOf(column)], CultureInfo.InvariantCulture);
            Assert.Equal((double)metrics["sqnr_db"]!, Cell("stamp", "sqnr_db"));
            Assert.Equal((double)metricsA4["sqnr_db"]!, Cell("a4", "sqnr_db"));
            Assert.Equal((double)c["cost"]!["cycles"]!["total"]!, Cell("stamp", "cycles"));
            Assert.Equal((double)c["baselines"]!["a4"]!["cycles"]!["total"]!, Cell("a4", "cycles"));
            Assert.Equal((double)c["baselines"]!["a8"]!["energy_pj"]!["total"]!, Cell("a8", "energy_pj"));
            Assert.Equal((double)c["cost"]!["dram"]!["read_bytes"]! + (double)c["cost"]!["dram"]!["write_bytes"]!, Cell("stamp", "dram_bytes"));
        }
    }

    [Fact]
    public void Manifest_hashes_change_when_the_config_changes()
    {
        using var dir = new TempDir();
        JsonNode Manifest(string name, params string[] extra)
        {
            var r = Harness.Run(["run", "--layers", "output", "--out", dir.File(name), .. extra]);
            Assert.True(r.Code == 0, r.Err);
            return Json(Path.Combine(dir.File(name), "manifest.json"));
        }
        var baseline = Manifest("a");
        var overridden = Manifest("b", "--set", "numerics.hi_tokens=16");
        var other = Manifest("c", "--config", Repo("hwconfigs", "bitfusion.yaml"));
        string Hash(JsonNode m, string key) => (string)m["configs"]![0]![key]!;
        Assert.Equal(Hash(baseline, "sha256"), Hash(overridden, "sha256")); // same file ...
        Assert.NotEqual(Hash(baseline, "effective_sha256"), Hash(overridden, "effective_sha256")); // ... different effective config
        Assert.NotEqual(Hash(baseline, "sha256"), Hash(other, "sha256"));
        Assert.NotEqual(Hash(baseline, "effective_sha256"), Hash(other, "effective_sha256"));
        Assert.Equal(["numerics.hi_tokens=16"], overridden["configs"]![0]!["overrides"]!.AsArray().Select(o => (string?)o));
        Assert.Equal((string?)baseline["trace"]!["sha256"], (string?)other["trace"]!["sha256"]);
    }

    [Fact]
    public void A_partial_or_corrupted_previous_report_is_never_overwritten_in_place()
    {
        using var dir = new TempDir();
        string report = dir.File("report");
        Directory.CreateDirectory(Path.Combine(report, "plots"));
        File.WriteAllText(Path.Combine(report, "report.md"), "# half a report");
        File.WriteAllBytes(Path.Combine(report, "plots", "sqnr.edge-npu.png"), [0x89, 0x50]);
        var before = Snapshot(report);

        // Without a manifest the folder is not recognisably StampSim's, so not even --force replaces it.
        foreach (var force in new[] { false, true })
        {
            Harness.AssertBadInput(Harness.Run(["run", "--layers", "output", "--out", report, .. force ? new[] { "--force" } : []]),
                "is not a complete StampSim 'stampsim-report' folder (no manifest.json); it is never replaced, even with --force");
            Assert.Equal(before, Snapshot(report));
            Assert.Equal(["report"], Directory.GetFileSystemEntries(dir.Root).Select(Path.GetFileName));
        }
    }

    [Fact]
    public void A_run_that_fails_midway_leaves_no_report_folder()
    {
        using var dir = new TempDir();
        var r = Harness.Run("run", "--trace", Harness.Fixture("bad_nan.safetensors"), "--out", dir.File("report"));
        Harness.AssertBadInput(r, "tensor 'act.0': NaN at index [1, 2]");
        Assert.Empty(Directory.GetFileSystemEntries(dir.Root));
    }

    [Fact]
    public void An_empty_folder_is_filled_and_configs_are_labelled_in_the_summary()
    {
        using var dir = new TempDir();
        string report = dir.File("report");
        Directory.CreateDirectory(report);
        var r = Harness.Run("run", "--trace", Harness.Fixture("trace_f32.safetensors"), "--config", Repo("hwconfigs", "edge-npu.yaml"),
            "--config", Repo("hwconfigs", "int8-baseline.yaml"), "--out", report);
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("config edge-npu: 16x16 int4 array", r.Out);
        Assert.Contains("config int8-baseline: 16x16 int8 array", r.Out);
        Assert.True(File.Exists(Path.Combine(report, "plots", "roofline.int8-baseline.png")));
    }

    [Fact]
    public void Bad_input_is_reported_in_one_line()
    {
        Harness.AssertBadInput(Harness.Run("run", "--config", "/nonexistent/x.yaml"), "/nonexistent/x.yaml: config file not found");
        Harness.AssertBadInput(Harness.Run("run", "--layers", "nothing*"), "--layers: 'nothing*' matches no layer");
        Harness.AssertBadInput(Harness.Run("run", "--focus-layer", "nope"), "no layer named 'nope'");
        Harness.AssertBadInput(Harness.Run("run", "--threads", "-1"), "--threads: must be 0 or positive");
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(File.ReadAllBytes(f)));
}
