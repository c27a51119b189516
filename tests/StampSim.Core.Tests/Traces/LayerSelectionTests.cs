using StampSim.Traces;

namespace StampSim.Tests.Traces;

public class LayerSelectionTests
{
    private static readonly TraceManifest Manifest = new("m", null, null, new TraceInput("other"),
    [
        new TraceLayer("model.layers.0.self_attn.q_proj", "attn.q", 0, "a0", "w0", null),
        new TraceLayer("model.layers.0.mlp.down_proj", "mlp.down", 0, "a1", "w1", null),
        new TraceLayer("model.layers.1.self_attn.q_proj", "attn.q", 1, "a2", "w2", null),
        new TraceLayer("model.layers.10.mlp.down_proj", "mlp.down", 10, "a3", "w3", null),
    ]);

    [Theory]
    [InlineData(null, 4)]
    [InlineData("*", 4)]
    [InlineData("model.layers.1.*", 1)]
    [InlineData("model.layers.1?.*", 1)]
    [InlineData("mlp.*", 2)]
    [InlineData("attn.q,model.layers.10.*", 3)]
    [InlineData("*down_proj", 2)]
    public void Globs_match_names_and_kinds(string? pattern, int count) =>
        Assert.Equal(count, LayerSelection.Select(Manifest, pattern, "t").Count);

    [Fact]
    public void The_selection_keeps_manifest_order()
    {
        var picked = LayerSelection.Select(Manifest, "model.layers.10.*,attn.q", "t");
        Assert.Equal([0, 2, 3], picked.Select(l => Manifest.Layers.ToList().IndexOf(l)));
    }

    [Fact]
    public void A_pattern_matching_nothing_is_an_error()
    {
        var e = Assert.Throws<InputException>(() => LayerSelection.Select(Manifest, "attn.*,blocks.*", "t.safetensors"));
        Assert.StartsWith("--layers: 'blocks.*' matches no layer of t.safetensors", e.Message);
    }
}
