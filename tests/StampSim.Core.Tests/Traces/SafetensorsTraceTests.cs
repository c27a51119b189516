using StampSim.Numerics;
using StampSim.Traces;

namespace StampSim.Tests.Traces;

/// <summary>Reads the safetensors traces make_fixtures.py wrote byte by byte from the published format.</summary>
public class SafetensorsTraceTests
{
    [Theory]
    [InlineData("trace_f32.safetensors", "F32", ElementType.Float32)]
    [InlineData("trace_f16.safetensors", "F16", ElementType.Float16)]
    [InlineData("trace_bf16.safetensors", "BF16", ElementType.BFloat16)]
    public void Every_dtype_widens_exactly_to_float32(string file, string dtype, ElementType type)
    {
        using var trace = TraceFile.Open(TraceFixtures.Path(file));
        Assert.Equal(TraceFormat.Safetensors, trace.Format);
        Assert.All(trace.Tensors, t => Assert.Equal(dtype, t.DType));
        Assert.All(trace.Tensors, t => Assert.Equal(type, t.Type));
        var down = trace.Layer("blocks.0.mlp.down");
        var inputs = trace.Load(down);
        Assert.Equal((6, 3, 4), (inputs.Tokens, inputs.Features, inputs.Outputs));
        TraceFixtures.AssertFormula(inputs.X.Data, TraceFixtures.Act, "act.1");
        TraceFixtures.AssertFormula(inputs.W.Data, TraceFixtures.Weight, "down.weight");
        TraceFixtures.AssertFormula(inputs.Bias!, TraceFixtures.Bias, "down.bias");
    }

    [Fact]
    public void The_manifest_is_read_completely()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("trace_f32.safetensors"));
        var m = trace.Manifest;
        Assert.Equal(1, m.FormatVersion);
        Assert.Equal("fixture-model", m.Model);
        Assert.Equal("CC0-1.0", m.License);
        Assert.Equal("text", m.Input.Kind);
        Assert.Equal(["prompt.txt"], m.Input.Files!);
        Assert.Equal([1L, 15043L, 3186L], m.Input.TokenIds!);
        Assert.Equal(["blocks.0.attn.q", "blocks.0.attn.k", "blocks.0.mlp.down"], m.Layers.Select(l => l.Name));
        var q = m.Layers[0];
        Assert.Equal(("attn.q", 0, "act.0", "q.weight", (string?)null), (q.Kind, q.Block!.Value, q.Activation, q.Weight!, q.Bias));
        Assert.Contains("\"token_ids\"", trace.ManifestJson);
    }

    [Fact]
    public void Layers_sharing_an_input_reference_one_tensor()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("trace_f32.safetensors"));
        Assert.Single(trace.Tensors, t => t.Key == "act.0");
        var q = trace.Layer("blocks.0.attn.q");
        var k = trace.Layer("blocks.0.attn.k");
        Assert.Equal(q.Activation, k.Activation);
        var x = trace.ReadActivations(q);
        var kInputs = trace.Load(k, x);
        Assert.Same(x, kInputs.X);
        Assert.Equal(2, kInputs.Outputs);
    }

    [Fact]
    public void A_grid_layer_carries_its_grid_into_haar2d_numerics_only()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("grid.safetensors"));
        var layer = trace.Layer("vit.0.qkv");
        Assert.Equal((new TokenGrid(2, 4), 1), (layer.Grid!, layer.Prefix));
        var haar2d = layer.NumericsFor(new NumericsConfig { Transform = SequenceTransformKind.Haar2d });
        Assert.Equal((new TokenGrid(2, 4), 1), (haar2d.Grid!, haar2d.PrefixTokens));
        var haar = layer.NumericsFor(new NumericsConfig());
        Assert.Equal((null, 0), (haar.Grid, haar.PrefixTokens));
    }

    [Fact]
    public void An_unknown_layer_is_named_with_the_layers_that_exist()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("trace_f32.safetensors"));
        var e = Assert.Throws<InputException>(() => trace.Layer("blocks.9.attn.q"));
        Assert.Contains("no layer named 'blocks.9.attn.q'", e.Message);
        Assert.Contains("blocks.0.attn.q", e.Message);
    }
}
