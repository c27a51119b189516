using StampSim.Tests.Support;
using StampSim.Traces;

namespace StampSim.Tests.Commands;

public class SynthCommandTests
{
    private static readonly string[] Small = ["synth", "--s", "64", "--d", "16", "--n", "8", "--layers", "2", "--seed", "11"];

    [Fact]
    public void Synth_writes_a_trace_that_reads_back()
    {
        using var dir = new TempDir();
        var r = Harness.Run([.. Small, "--out", dir.File("t.safetensors"), "--bias-std", "0.5", "--dtype", "bf16"]);
        Assert.True(r.Code == 0, r.Err);
        Assert.StartsWith($"wrote {dir.File("t.safetensors")}: 2 layer(s), s=64 d=16 n=8, BF16", r.Out);
        using var trace = TraceFile.Open(dir.File("t.safetensors"));
        Assert.Equal(6, trace.Tensors.Count);
        Assert.Equal([64L, 16L], trace.Tensor("blocks.1.x").Shape);
        Assert.Equal("blocks.1.bias", trace.Layer("blocks.1.linear").Bias);
    }

    [Fact]
    public void The_same_seed_gives_the_same_file_for_any_thread_count()
    {
        using var dir = new TempDir();
        Assert.Equal(0, Harness.Run([.. Small, "--out", dir.File("a.safetensors"), "--threads", "1"]).Code);
        Assert.Equal(0, Harness.Run([.. Small, "--out", dir.File("b.safetensors"), "--threads", "4"]).Code);
        Assert.Equal(File.ReadAllBytes(dir.File("a.safetensors")), File.ReadAllBytes(dir.File("b.safetensors")));
    }

    [Fact]
    public void A_grid_alone_sets_s()
    {
        using var dir = new TempDir();
        var r = Harness.Run("synth", "--grid", "8x8", "--prefix", "1", "--d", "8", "--n", "4", "--seed", "1", "--out", dir.File("g.safetensors"));
        Assert.True(r.Code == 0, r.Err);
        using var trace = TraceFile.Open(dir.File("g.safetensors"));
        var layer = trace.Manifest.Layers[0];
        Assert.Equal(("8x8", 1, 65L), (layer.Grid!.ToString(), layer.Prefix, trace.Tensor(layer.Activation).Shape[0]));
    }

    [Theory]
    [InlineData("--rho", "1.5", "--rho: must lie in (-1, 1)")]
    [InlineData("--dtype", "f8", "--dtype: unknown dtype 'f8'")]
    [InlineData("--grid", "8y8", "--grid: expected a grid like")]
    [InlineData("--outliers", "17", "--outliers: must lie in [0, d = 16]")]
    [InlineData("--channel-sigma", "-1", "--channel-sigma: must lie in [0, 5]")]
    public void Bad_knobs_exit_2_and_write_nothing(string option, string value, string message)
    {
        using var dir = new TempDir();
        Harness.AssertBadInput(Harness.Run([.. Small, "--out", dir.File("t.safetensors"), option, value]), message);
        Assert.Empty(dir.Files);
    }

    [Fact]
    public void S_is_required_without_a_grid()
    {
        using var dir = new TempDir();
        Harness.AssertBadInput(Harness.Run("synth", "--d", "8", "--n", "4", "--seed", "1", "--out", dir.File("t.safetensors")), "--s: required unless --grid or --model-shape is given");
    }

    [Fact]
    public void A_value_that_overflows_F16_fails_midway_and_leaves_no_file()
    {
        using var dir = new TempDir();
        var r = Harness.Run([.. Small, "--out", dir.File("t.safetensors"), "--dtype", "f16", "--outlier-scale", "1000", "--sink-scale", "1000"]);
        Harness.AssertBadInput(r, "tensor 'blocks.0.x': value ");
        Assert.Contains("does not fit F16", r.Err);
        Assert.Empty(dir.Files);
    }
}
