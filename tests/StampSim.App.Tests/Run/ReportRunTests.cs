using StampSim.App.Run;
using StampSim.Reports.Run;
using StampSim.Hardware;

namespace StampSim.Tests.Run;

public class ReportRunTests
{
    [Fact]
    public void Configs_that_share_numerics_share_the_golden_runs()
    {
        // bitfusion has edge-npu's numerics and rows: only its hardware differs.
        var request = Runs.Request(layers: "layers.0.attention.*", configs: [Runs.Config("edge-npu.yaml"), Runs.Config("bitfusion.yaml")]);
        using var run = ReportRun.Prepare(request);
        var layers = run.Run().ToList();
        Assert.Equal(4 * 3, run.NumericsRuns);
        var q = layers[0];
        Assert.Equal(q.Configs[0].Result(Variant.Stamp).Metrics, q.Configs[1].Result(Variant.Stamp).Metrics);
        Assert.NotEqual(q.Configs[0].Cost.Stamp.TotalCycles, q.Configs[1].Cost.Stamp.TotalCycles);
    }

    [Fact]
    public void Different_adder_trees_share_runs_only_when_no_chunk_can_overflow()
    {
        var configs = new[] { Runs.Config("edge-npu.yaml"), Runs.Config("mobile-npu.yaml") };   // 16 vs 32 rows
        using (var wide = ReportRun.Prepare(Runs.Request(layers: "output", configs: configs)))
        {
            _ = wide.Run().ToList();
            Assert.Equal(3, wide.NumericsRuns);   // 32-bit trees: the chunking cannot change a bit
        }
        using var narrow = ReportRun.Prepare(Runs.Request(layers: "output", configs: configs, sets: ["numerics.accumulator.tree_bits=12"]));
        _ = narrow.Run().ToList();
        Assert.Equal(2 * 3, narrow.NumericsRuns);
    }

    [Fact]
    public void Configs_with_one_name_get_distinct_labels()
    {
        using var run = ReportRun.Prepare(Runs.Request(layers: "output", configs: [Runs.Config("edge-npu.yaml"), Runs.Config("edge-npu.yaml")]));
        Assert.Equal(["edge-npu", "edge-npu-2"], run.Configs.Select(c => c.Label));
    }

    [Fact]
    public void Bad_input_is_reported_before_any_work()
    {
        Assert.Contains("'nothing*' matches no layer",
            Assert.Throws<InputException>(() => ReportRun.Prepare(Runs.Request(layers: "nothing*"))).Message);
        Assert.Contains("no layer named 'nope'",
            Assert.Throws<InputException>(() => ReportRun.Prepare(Runs.Request() with { FocusLayer = "nope" })).Message);
        Assert.Contains("layer 'layers.0.feed_forward.w2': numerics.feature_transform: hadamard needs a power-of-two feature count",
            Assert.Throws<InputException>(() => ReportRun.Prepare(Runs.Request(sets: ["numerics.feature_transform=hadamard"]))).Message);
    }

    [Fact]
    public void A_config_without_an_accelerator_is_refused()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("n.yaml"), "numerics:\n  hi_tokens: 16\n");
        var e = Assert.Throws<InputException>(() => ReportRun.Prepare(Runs.Request(configs: [dir.File("n.yaml")])));
        Assert.Contains("n.yaml: the config has no accelerator description", e.Message);
    }
}
