using System.Text.Json.Nodes;
using StampSim.Tests.Support;

namespace StampSim.Tests.Commands;

public class TraceInfoCommandTests
{
    [Fact]
    public void Text_output_lists_tensors_and_layers_with_statistics()
    {
        var r = Harness.Run("trace", "info", Harness.Fixture("trace_bf16.safetensors"));
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("model      fixture-model; source: ", r.Out);
        Assert.Contains("input      text, files: prompt.txt, 3 token ids: three tokens", r.Out);
        Assert.Contains("tensors (6)", r.Out);
        Assert.Matches(@"act\.0\s+BF16\s+\[6, 4\]\s+48 B", r.Out);
        Assert.Contains("layers (3)", r.Out);
        Assert.Matches(@"blocks\.0\.mlp\.down\s+mlp\.down\s+0\s+6\s+3\s+4\s+yes", r.Out);
    }

    [Fact]
    public void Json_output_holds_the_manifest_verbatim_and_the_figures()
    {
        var r = Harness.Run("trace", "info", Harness.Fixture("trace_f32.safetensors"), "--json", "--set", "numerics.hi_tokens=2");
        Assert.True(r.Code == 0, r.Err);
        var doc = JsonNode.Parse(r.Out)!;
        Assert.Equal("safetensors", (string?)doc["format"]);
        Assert.Equal(1448, (long?)doc["file_bytes"]);
        Assert.Equal("fixture-model", (string?)doc["manifest"]!["model"]);
        Assert.Equal(15043, (long?)doc["manifest"]!["input"]!["token_ids"]![1]);
        Assert.Equal(6, doc["tensors"]!.AsArray().Count);
        var down = doc["layers"]![2]!;
        Assert.Equal(("blocks.0.mlp.down", 6L, 3L, 4L), ((string?)down["name"], (long?)down["s"], (long?)down["d"], (long?)down["n"]));
        var stats = down["stats"]!;
        Assert.Equal(1.25, (double?)stats["max_abs"]); // (17 - 7) / 8, the last of 18 elements
        Assert.Equal(2, (int?)stats["first_tokens"]);
        Assert.Equal("haar(levels=2)", (string?)stats["transform"]); // ceil(6 / 4) = 2 tokens still >= hi_tokens
    }

    [Fact]
    public void The_identity_transform_leaves_the_energy_share_unchanged()
    {
        var r = Harness.Run("trace", "info", Harness.Fixture("trace_f32.safetensors"), "--json", "--set", "numerics.transform=none");
        var stats = JsonNode.Parse(r.Out)!["layers"]![0]!["stats"]!;
        Assert.Equal((double?)stats["energy_first_before"], (double?)stats["energy_first_after"]);
    }

    [Theory]
    [InlineData("x_f4.npy", "npy")]
    [InlineData("layer_compressed.npz", "npz")]
    public void NumPy_files_are_traces_too(string file, string format)
    {
        var r = Harness.Run("trace", "info", Harness.Fixture(file), "--json");
        Assert.True(r.Code == 0, r.Err);
        Assert.Equal(format, (string?)JsonNode.Parse(r.Out)!["format"]);
    }

    [Fact]
    public void A_bad_outlier_factor_is_rejected() =>
        Harness.AssertBadInput(Harness.Run("trace", "info", Harness.Fixture("trace_f32.safetensors"), "--outlier-factor", "0"), "--outlier-factor: must be a positive number");
}
