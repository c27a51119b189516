using StampSim.Tests.Support;
using StampSim.Traces;
using StampSim.Traces.Npy;

namespace StampSim.Tests.Commands;

public class TraceExportCommandTests
{
    [Fact]
    public void A_layer_exports_as_float32_npy()
    {
        using var dir = new TempDir();
        var r = Harness.Run("trace", "export", "--trace", Harness.Fixture("trace_bf16.safetensors"), "--layer", "blocks.0.mlp.down",
            "--x", dir.File("x.npy"), "--weight", dir.File("w.npy"), "--bias", dir.File("b.npy"));
        Assert.True(r.Code == 0, r.Err);
        var x = NpyFile.ReadFloat32(dir.File("x.npy"));
        Assert.Equal(ElementType.Float32, x.SourceType);
        Assert.Equal([6L, 3L], x.Shape);
        Assert.Equal(Enumerable.Range(0, 18).Select(Harness.Act), x.Data);
        Assert.Equal(Enumerable.Range(0, 12).Select(Harness.Weight), NpyFile.ReadFloat32(dir.File("w.npy")).Data);
        Assert.Equal(Enumerable.Range(0, 4).Select(Harness.Bias), NpyFile.ReadFloat32(dir.File("b.npy")).Data);
    }

    [Fact]
    public void Asking_for_a_missing_bias_writes_nothing()
    {
        using var dir = new TempDir();
        var r = Harness.Run("trace", "export", "--trace", Harness.Fixture("trace_f32.safetensors"), "--layer", "blocks.0.attn.q",
            "--x", dir.File("x.npy"), "--bias", dir.File("b.npy"));
        Harness.AssertBadInput(r, "--bias: layer 'blocks.0.attn.q' of ");
        Assert.Empty(dir.Files);
    }
}
