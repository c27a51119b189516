using System.Text.Json.Nodes;
using StampSim.Tests.Support;

namespace StampSim.Tests.Commands;

public class ReplayCommandTests
{
    [Fact]
    public void Replay_prints_a_row_per_layer_and_writes_json_and_csv()
    {
        using var dir = new TempDir();
        var r = Harness.Run("replay", "--trace", Harness.Fixture("trace_f32.safetensors"), "--set", "numerics.hi_tokens=2",
            "--json", dir.File("m.json"), "--csv", dir.File("m.csv"));
        Assert.True(r.Code == 0, r.Err);
        Assert.Matches(@"^layer\s+kind\s+s\s+d\s+n\s+transform\s+sqnr_db\s+act_sqnr_db\s+payload_bits\s+overflow\s+seconds$", r.Lines[0]);
        Assert.Matches(@"^blocks\.0\.attn\.k\s+attn\.k\s+6\s+4\s+2\s+haar\(levels=2\)\s+\S+\s+\S+\s+5\.3333\s+0\s", r.Lines[2]);
        Assert.StartsWith("replayed 3 layer(s) of ", r.Lines[^1]);

        var json = JsonNode.Parse(File.ReadAllText(dir.File("m.json")))!;
        Assert.Equal("fixture-model", (string?)json["model"]);
        Assert.Equal(3, json["layers"]!.AsArray().Count);
        var csv = File.ReadAllLines(dir.File("m.csv"));
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("layer,kind,block,s,d,n,transform,sqnr_db,act_sqnr_db,payload_bits,", csv[0]);
        Assert.StartsWith("blocks.0.mlp.down,mlp.down,0,6,3,4,haar(levels=2),", csv[3]);
        Assert.Equal((double?)json["layers"]![2]!["sqnr_db"], double.Parse(csv[3].Split(',')[7], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Per_layer_json_has_the_keys_and_values_of_layer_metrics()
    {
        using var dir = new TempDir();
        var trace = Harness.Fixture("trace_f16.safetensors");
        Assert.Equal(0, Harness.Run("replay", "--trace", trace, "--json", dir.File("r.json")).Code);
        var layerRun = Harness.Run("layer", "--trace", trace, "--layer", "blocks.0.mlp.down", "--out", dir.File("y.npy"), "--metrics", dir.File("l.json"));
        Assert.True(layerRun.Code == 0, layerRun.Err);
        var replayed = JsonNode.Parse(File.ReadAllText(dir.File("r.json")))!["layers"]![2]!.AsObject();
        var single = JsonNode.Parse(File.ReadAllText(dir.File("l.json")))!.AsObject();
        Assert.Empty(single.Select(p => p.Key).Except(replayed.Select(p => p.Key)));
        foreach (var key in new[] { "sqnr_db", "act_sqnr_db", "payload_bits", "bits_with_metadata", "overflow_events", "theorem1_bound", "act_error_sq", "transform", "config" })
            Assert.True(JsonNode.DeepEquals(single[key], replayed[key]), $"{key}: {single[key]} vs {replayed[key]}");
    }

    [Fact]
    public void Layers_are_selected_by_glob()
    {
        var r = Harness.Run("replay", "--trace", Harness.Fixture("trace_f32.safetensors"), "--layers", "attn.*");
        Assert.True(r.Code == 0, r.Err);
        Assert.Equal(4, r.Lines.Length); // header, two layers, summary
        Harness.AssertBadInput(Harness.Run("replay", "--trace", Harness.Fixture("trace_f32.safetensors"), "--layers", "mlp.up"), "--layers: 'mlp.up' matches no layer");
    }

    [Fact]
    public void Haar2d_takes_the_grid_from_the_manifest()
    {
        using var dir = new TempDir();
        var r = Harness.Run("replay", "--trace", Harness.Fixture("grid.safetensors"), "--set", "numerics.transform=haar2d", "--set", "numerics.hi_tokens=3", "--csv", dir.File("m.csv"));
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("prefix(1) + haar2d(grid=2x4, levels=1)", r.Out);
        // The transform contains a comma, so the CSV field is quoted.
        Assert.Contains(",\"prefix(1) + haar2d(grid=2x4, levels=1)\",", File.ReadAllText(dir.File("m.csv")));
    }

    [Fact]
    public void A_missing_output_directory_is_reported_before_any_work()
    {
        Harness.AssertBadInput(Harness.Run("replay", "--trace", Harness.Fixture("trace_f32.safetensors"), "--json", "/nonexistent-dir/m.json"), "directory '/nonexistent-dir' does not exist");
    }
}
