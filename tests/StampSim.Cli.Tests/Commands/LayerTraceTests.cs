using StampSim.Tests.Support;
using StampSim.Traces.Npy;

namespace StampSim.Tests.Commands;

/// <summary><c>stampsim layer --trace FILE --layer NAME</c> as the alternative to <c>--x/--weight/--bias</c>.</summary>
public class LayerTraceTests
{
    [Fact]
    public void A_trace_layer_gives_the_same_output_as_the_same_tensors_as_npy()
    {
        using var dir = new TempDir();
        var direct = Harness.Run("layer", "--x", Harness.Fixture("x_f4.npy"), "--weight", Harness.Fixture("w.npy"), "--bias", Harness.Fixture("b.npy"), "--out", dir.File("a.npy"));
        Assert.True(direct.Code == 0, direct.Err);
        Assert.Equal(0, Harness.Run("layer", "--trace", Harness.Fixture("layer.npz"), "--out", dir.File("b.npy")).Code);
        Assert.Equal(0, Harness.Run("layer", "--trace", Harness.Fixture("x_f4.npy"), "--weight", Harness.Fixture("w.npy"), "--bias", Harness.Fixture("b.npy"), "--out", dir.File("c.npy")).Code);
        var a = File.ReadAllBytes(dir.File("a.npy"));
        Assert.Equal(a, File.ReadAllBytes(dir.File("b.npy")));
        Assert.Equal(a, File.ReadAllBytes(dir.File("c.npy")));
    }

    [Fact]
    public void A_named_layer_of_a_safetensors_trace_runs()
    {
        using var dir = new TempDir();
        var r = Harness.Run("layer", "--trace", Harness.Fixture("trace_bf16.safetensors"), "--layer", "blocks.0.attn.k", "--out", dir.File("y.npy"));
        Assert.True(r.Code == 0, r.Err);
        Assert.StartsWith("layer     s=6 d=4 n=2", r.Out);
        Assert.Equal([6L, 2L], NpyFile.ReadFloat32(dir.File("y.npy")).Shape);
    }

    [Fact]
    public void Haar2d_on_a_grid_layer_needs_no_configured_grid()
    {
        using var dir = new TempDir();
        var r = Harness.Run("layer", "--trace", Harness.Fixture("grid.safetensors"), "--set", "numerics.transform=haar2d", "--out", dir.File("y.npy"));
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("prefix(1) + haar2d(grid=2x4", r.Out);
    }

    [Theory]
    [InlineData(new[] { "--trace", "trace_f32.safetensors" }, "--layer: ")]
    [InlineData(new[] { "--trace", "trace_f32.safetensors", "--layer", "nope" }, "no layer named 'nope'")]
    [InlineData(new[] { "--trace", "layer.npz", "--x", "x_f4.npy" }, "--x: give either --trace or --x, not both")]
    [InlineData(new[] { "--trace", "trace_f32.safetensors", "--layer", "blocks.0.attn.q", "--weight", "w.npy" }, "--weight and --bias apply only to .npy/.npz traces")]
    [InlineData(new[] { "--trace", "x_f4.npy" }, "has no weight (give it with --weight W.npy)")]
    [InlineData(new[] { "--weight", "w.npy" }, "--x: required unless --trace is given")]
    [InlineData(new[] { "--x", "x_f4.npy", "--weight", "w.npy", "--set", "numerics.transform=haar2d" }, "numerics.grid: haar2d needs a token grid")]
    public void Bad_combinations_exit_2_and_write_nothing(string[] args, string message)
    {
        using var dir = new TempDir();
        var resolved = args.Select(a => a.EndsWith(".npy") || a.EndsWith(".npz") || a.EndsWith(".safetensors") ? Harness.Fixture(a) : a);
        Harness.AssertBadInput(Harness.Run(["layer", .. resolved, "--out", dir.File("y.npy")]), message);
        Assert.Empty(dir.Files);
    }
}
