using StampSim.Numerics;
using StampSim.Traces;

namespace StampSim.Tests.Traces;

public class TraceManifestJsonTests
{
    private const string Layer = """{"name":"a","kind":"attn.q","activation":"x","weight":"w"}""";

    private static string Doc(string layers = "[" + Layer + "]", string input = """{"kind":"text"}""") =>
        $$"""{"format_version":1,"model":"m","input":{{input}},"layers":{{layers}}}""";

    [Fact]
    public void A_manifest_survives_a_round_trip()
    {
        var m = new TraceManifest("llama", "hf", "llama3", new TraceInput("text", "wiki", ["a.txt"], null, [1, 2, 3]),
        [
            new TraceLayer("l.0.q", "attn.q", 0, "act.0", "q.w", null),
            new TraceLayer("vit.0", "attn.qkv", 3, "act.1", "v.w", "v.b", new TokenGrid(14, 14), 1),
        ]);
        var back = TraceManifestJson.Parse(TraceManifestJson.Write(m), "f");
        Assert.Equal((m.Model, m.Source, m.License, m.FormatVersion), (back.Model, back.Source, back.License, back.FormatVersion));
        Assert.Equal(m.Input.TokenIds!, back.Input.TokenIds!);
        Assert.Equal(m.Input.Files!, back.Input.Files!);
        Assert.Equal(m.Layers, back.Layers);
    }

    [Fact]
    public void A_seed_survives_up_to_2_to_the_64()
    {
        var m = new TraceManifest("s", null, null, new TraceInput("seed", Seed: ulong.MaxValue), [new TraceLayer("a", "k", null, "x", "w", null)]);
        Assert.Equal(ulong.MaxValue, TraceManifestJson.Parse(TraceManifestJson.Write(m), "f").Input.Seed);
    }

    [Theory]
    [InlineData("[" + Layer + "," + Layer + "]", """{"kind":"text"}""", "'layers': layer name 'a' appears 2 times")]
    [InlineData("[]", """{"kind":"text"}""", "'layers': must list at least one layer")]
    [InlineData("""[{"name":"a","kind":"k","activation":"x","weight":"w","grid":"3y3"}]""", """{"kind":"text"}""", "'layers[0].grid': expected a grid")]
    [InlineData("""[{"name":"a","kind":"k","activation":"x","weight":"w","prefix":1}]""", """{"kind":"text"}""", "'layers[0].prefix': prefix tokens are only meaningful with a grid")]
    [InlineData("""[{"name":"a","kind":"k","activation":"x","weight":"w","block":-1}]""", """{"kind":"text"}""", "'layers[0].block': must be an integer")]
    [InlineData("""[{"name":"a","kind":"k","activation":"x"}]""", """{"kind":"text"}""", "'layers[0].weight': is required")]
    [InlineData("[" + Layer + "]", """{"kind":"video"}""", "'input.kind': unknown input kind 'video'")]
    [InlineData("[" + Layer + "]", """{"kind":"text","token_ids":[1,-2]}""", "'input.token_ids[1]': must be a non-negative integer token id")]
    public void Bad_manifests_name_the_key(string layers, string input, string message)
    {
        var e = Assert.Throws<InputException>(() => TraceManifestJson.Parse(Doc(layers, input), "t.safetensors"));
        Assert.StartsWith("t.safetensors: manifest ", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void An_unknown_top_level_key_is_rejected()
    {
        var e = Assert.Throws<InputException>(() => TraceManifestJson.Parse(Doc().Replace("\"model\"", "\"modle\":\"x\",\"model\""), "f"));
        Assert.Equal("f: manifest 'modle': unknown key (did you mean 'model'?)", e.Message);
    }
}
