using System.Text.Json.Nodes;
using StampSim.Reports.Run;
using StampSim.Hardware;

namespace StampSim.Tests.Writers;

[Collection(nameof(BundledRun))]
public class ResultJsonTests(BundledRun fixture)
{
    private JsonNode Result => JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Folder, "result.json")))!;

    [Fact]
    public void Each_layer_record_has_the_layer_metrics_and_cost_keys()
    {
        var layer = Result["layers"]![0]!.AsObject();
        foreach (var key in new[] { "layer", "sqnr_db", "act_sqnr_db", "payload_bits", "bits_with_metadata", "overflow_events", "theorem1_bound",
                     "act_error_sq", "shape", "transform", "config", "kind", "block", "config_label", "cost", "baselines", "ratios", "baseline_metrics" })
            Assert.True(layer.ContainsKey(key), key);
        Assert.NotNull(layer["cost"]!["cycles"]!["by_stage"]!["gemm_a4"]);
        Assert.NotNull(layer["cost"]!["cycles"]!["by_stage"]!["gemm_a8"]);
        Assert.Equal(["a4", "a8"], layer["baselines"]!.AsObject().Select(p => p.Key));
        foreach (var (baseline, gemm) in new[] { ("a4", "gemm_a4"), ("a8", "gemm_a8") })
            Assert.Equal([gemm], layer["baselines"]![baseline]!["cycles"]!["by_stage"]!.AsObject().Select(p => p.Key).Where(k => k.StartsWith("gemm_a", StringComparison.Ordinal)));
        Assert.NotNull(layer["baselines"]!["a4"]!["energy_pj"]!["total"]);
        Assert.Equal("none", (string?)layer["baseline_metrics"]!["a8"]!["numerics"]!["transform"]);
        Assert.Equal(8, (int?)layer["baseline_metrics"]!["a8"]!["numerics"]!["hi_bits"]);
    }

    [Fact]
    public void The_traced_model_gets_its_model_level_cost()
    {
        // The bundled trace's manifest names stories260K, a known architecture; prompt = the trace's 512 tokens.
        var model = Result["model_level"]!;
        Assert.Equal("stories260K", (string?)model["model"]!["name"]);
        Assert.Equal(512, (int?)model["request"]!["prompt"]);
        var stamp = model["configs"]!["edge-npu"]!["variants"]!["stamp"]!;
        Assert.True((double)stamp["ttft_s"]! > 0 && (double)stamp["tpot_s"]! > 0);
        Assert.Contains("## Model-level cost: stories260K, prompt 512", File.ReadAllText(Path.Combine(fixture.Folder, "report.md")));
    }

    [Fact]
    public void Totals_add_up_the_layers()
    {
        var run = fixture.Result;
        var totals = Result["totals"]!["edge-npu"]!;
        foreach (var v in Variants.All)
        {
            long cycles = run.Layers.Sum(l => l.Configs[0].CostOf(v).TotalCycles);
            double energy = run.Layers.Sum(l => l.Configs[0].CostOf(v).EnergyPj);
            Assert.Equal(cycles, (long?)totals[v.Key()]!["cycles"]);
            Assert.Equal(energy, (double)totals[v.Key()]!["energy_pj"]!, 6);
            double mean = run.Layers.Average(l => l.Configs[0].Result(v).Metrics.SqnrDb);
            Assert.Equal(mean, (double)totals[v.Key()]!["sqnr_db_mean"]!, 9);
        }
        Assert.True((bool)totals["complete"]!);
        Assert.Equal(run.Totals[0].Stamp.Cycles / (double)run.Totals[0].ByVariant[Variant.A8].Cycles, (double)totals["ratios"]!["cycles"]!["stamp_vs_a8"]!, 12);
    }

    [Fact]
    public void The_focus_layer_is_the_one_with_the_most_macs()
    {
        var focus = Result["focus"]!;
        Assert.Equal("output", (string?)focus["layer"]);
        Assert.Equal(512, focus["energy_compaction"]!["edge-npu"]!["cumulative_share_after"]!.AsArray().Count);
        Assert.Equal(1.0, (double)focus["autocorrelation_by_lag"]![0]!, 5);
    }
}
