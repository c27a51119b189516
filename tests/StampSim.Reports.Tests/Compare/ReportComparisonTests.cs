using System.Text.Json.Nodes;
using StampSim.Reports.Compare;

namespace StampSim.Tests.Compare;

public class ReportComparisonTests
{
    [Fact]
    public void A_changed_key_shows_up_with_its_effect_on_totals_and_layers()
    {
        using var dir = new TempDir();
        var request = Runs.Request(layers: "layers.0.attention.wq");
        string a = Runs.Write(dir, "a", request);
        string b = Runs.Write(dir, "b", request with { Overrides = ["numerics.lo_bits=3"] });
        var c = ReportComparison.Of(ReportSnapshot.Load(a), ReportSnapshot.Load(b));
        var config = Assert.Single(c.Configs);
        Assert.Equal([new KeyChange("numerics.lo_bits", "4", "3")], config.Keys);
        Assert.Equal(config.FileSha256.A, config.FileSha256.B);
        Assert.NotEqual(config.EffectiveSha256.A, config.EffectiveSha256.B);
        Assert.Contains(config.Totals["stamp"], m => m.Name == "SQNR mean (dB)" && m.Changed);
        Assert.DoesNotContain(config.Totals["a8"], m => m.Changed); // lo_bits does not touch the uniform baselines
        Assert.DoesNotContain(config.Totals["a4"], m => m.Changed);
        Assert.True(Assert.Single(config.Layers).Changed);
        Assert.Empty(c.ConfigsOnlyInA);
        Assert.Equal(c.TraceSha256.A, c.TraceSha256.B);
    }

    [Fact]
    public void Resolved_values_that_differ_are_listed_with_their_layers()
    {
        using var dir = new TempDir();
        var request = Runs.Request(layers: "layers.0.attention.wq,layers.0.feed_forward.w1");
        string a = Runs.Write(dir, "a", request);
        string b = Runs.Write(dir, "b", request with { Overrides = ["numerics.hi_tokens=16", "buffers.out_buffer.capacity=8 KiB"] });
        var config = Assert.Single(ReportComparison.Of(ReportSnapshot.Load(a), ReportSnapshot.Load(b)).Configs);
        // s = 512: levels auto is the largest J with ceil(512 / 2^J) >= hi_tokens.
        var levels = Assert.Single(config.Resolved, r => r.Key == "numerics.levels");
        Assert.Equal((("auto", "3"), ("auto", "5")), (levels.A, levels.B));
        Assert.Equal(["layers.0.attention.wq", "layers.0.feed_forward.w1"], levels.Layers);
        // A smaller output buffer forces smaller tiles: the searched mapping changes.
        var mapping = config.Resolved.Where(r => r.Key == "mapping").ToList();
        Assert.NotEmpty(mapping);
        Assert.All(mapping, m => Assert.Equal(("search (cycles_then_energy)", "search (cycles_then_energy)"), (m.A.Configured, m.B.Configured)));
        Assert.All(mapping, m => Assert.NotEqual(m.A.Resolved, m.B.Resolved));
        Assert.Equal(2, mapping.Sum(m => m.Layers.Count));
    }

    [Fact]
    public void A_report_compared_with_itself_shows_no_change()
    {
        using var dir = new TempDir();
        string a = Runs.Write(dir, "a", Runs.Request(trace: Runs.Fixture("trace_f32.safetensors")));
        var snapshot = ReportSnapshot.Load(a);
        var config = Assert.Single(ReportComparison.Of(snapshot, snapshot).Configs);
        Assert.Empty(config.Keys);
        Assert.Empty(config.Resolved);
        Assert.All(config.Totals.Values.SelectMany(t => t), m => Assert.False(m.Changed));
        Assert.All(config.Layers, l => Assert.False(l.Changed));
    }

    [Fact]
    public void Json_leaves_are_dotted_keys()
    {
        var leaves = JsonLeaves.Of(JsonNode.Parse("""{"a": {"b": 1, "c": {"d": "x"}}, "e": [1, 2], "f": {}}"""));
        Assert.Equal(new Dictionary<string, string> { ["a.b"] = "1", ["a.c.d"] = "x", ["e"] = "[1,2]", ["f"] = "{}" }, leaves);
    }
}
