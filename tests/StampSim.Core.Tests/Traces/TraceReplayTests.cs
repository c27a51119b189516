using StampSim.Config;
using StampSim.Metrics;
using StampSim.Pipeline;
using StampSim.Traces;

namespace StampSim.Tests.Traces;

public class TraceReplayTests
{
    private static readonly ExecutionOptions One = new(1);

    [Fact]
    public void Replay_gives_the_same_metrics_as_running_each_layer_directly()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("trace_f16.safetensors"));
        var config = new StampConfig { Numerics = new NumericsConfig { HiTokens = 2 } };
        var replayed = new TraceReplay(trace, config, One).Run(trace.Manifest.Layers).ToList();
        Assert.Equal(3, replayed.Count);
        foreach (var r in replayed)
        {
            var inputs = trace.Load(r.Layer);
            var result = new StampLayer(config.Numerics, config.MacArray, One).Run(inputs);
            var direct = LayerMetrics.Compute(inputs, result, config.Numerics, One);
            Assert.Equal(direct, r.Metrics);
            Assert.Equal(r.Layer.Name, (string?)r.Json["layer"]);
            Assert.Equal(r.Layer.Kind, (string?)r.Json["kind"]);
        }
    }

    [Fact]
    public void Haar2d_layers_take_grid_and_prefix_from_the_trace()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("grid.safetensors"));
        var config = StampConfig.Parse("numerics:\n  transform: haar2d\n  hi_tokens: 3\n", "test.yaml");
        var r = Assert.Single(new TraceReplay(trace, config, One).Run(trace.Manifest.Layers));
        Assert.Equal("prefix(1) + haar2d(grid=2x4, levels=1)", r.Transform);
        Assert.Equal("2x4", (string?)r.Json["config"]!["numerics"]!["grid"]);
        Assert.Equal(1, (int?)r.Json["config"]!["numerics"]!["prefix_tokens"]);
    }

    [Fact]
    public void A_layer_without_a_grid_under_haar2d_is_named_in_the_error()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("trace_f32.safetensors"));
        var config = StampConfig.Parse("numerics:\n  transform: haar2d\n", "test.yaml");
        var e = Assert.Throws<InputException>(() => new TraceReplay(trace, config, One).Run(trace.Manifest.Layers).ToList());
        Assert.Contains("layer 'blocks.0.attn.q': numerics.grid: haar2d needs a token grid", e.Message);
    }

    [Fact]
    public void A_NaN_stops_the_replay_naming_tensor_and_index()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("bad_nan.safetensors"));
        var e = Assert.Throws<InputException>(() => new TraceReplay(trace, new StampConfig(), One).Run(trace.Manifest.Layers).ToList());
        Assert.EndsWith("tensor 'act.0': NaN at index [1, 2]", e.Message);
    }
}
