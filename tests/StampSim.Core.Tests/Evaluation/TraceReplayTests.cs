using StampSim.Config;
using StampSim.Evaluation;
using StampSim.Metrics;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Tests.Traces;
using StampSim.Traces;

namespace StampSim.Tests.Evaluation;

public class TraceReplayTests
{
    private static readonly ExecutionOptions One = new(1);

    private static TraceReplay Replay(TraceFile trace, bool baselines = false) => new(trace, new LayerEvaluator(One, baselines));

    [Fact]
    public void Replay_gives_the_same_metrics_as_running_each_layer_directly()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("trace_f16.safetensors"));
        var config = new StampConfig { Numerics = new NumericsConfig { HiTokens = 2 } };
        var replayed = Replay(trace).Run(trace.Manifest.Layers, config).ToList();
        Assert.Equal(3, replayed.Count);
        foreach (var (r, layer) in replayed.Zip(trace.Manifest.Layers))
        {
            var inputs = trace.Load(layer);
            var result = new StampLayer(config.Golden, One).Run(inputs);
            var direct = LayerMetrics.Compute(inputs, result, config.Numerics, One);
            Assert.Equal(direct, r.Stamp.Metrics);
            Assert.Equal(layer.Name, r.Subject.Name);
            Assert.Equal(layer.Kind, r.Subject.Kind);
            Assert.Null(r.A4);
            Assert.Null(r.Cost);
        }
    }

    [Fact]
    public void Configs_that_differ_only_in_hardware_share_one_engine_run_per_numerics()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("trace_f16.safetensors"));
        var edge = StampConfig.Load(null);
        var wider = edge with { Name = "wider", MacArray = edge.MacArray with { Cols = edge.MacArray.Cols * 2 } };
        var replay = Replay(trace, baselines: true);
        var records = replay.Run(trace.Manifest.Layers, [("edge", edge), ("wider", wider)]).ToList();
        // Three numerics (STaMP, A4, A8) per layer, shared by both configs.
        Assert.Equal(3 * trace.Manifest.Layers.Count, replay.NumericsRuns);
        foreach (var pair in records)
        {
            Assert.Same(pair[0].Stamp, pair[1].Stamp);
            Assert.Equal(0, pair[1].Timing.Engine);
            Assert.NotNull(pair[0].A8);
        }
    }

    [Fact]
    public void Haar2d_layers_take_grid_and_prefix_from_the_trace()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("grid.safetensors"));
        var config = StampConfig.Parse("numerics:\n  transform: haar2d\n  hi_tokens: 3\n", "test.yaml");
        var r = Assert.Single(Replay(trace).Run(trace.Manifest.Layers, config));
        Assert.Equal("prefix(1) + haar2d(grid=2x4, levels=1)", r.Stamp.Transform);
        Assert.Equal(new TokenGrid(2, 4), r.Config.Numerics.Grid);
        Assert.Equal(1, r.Config.Numerics.PrefixTokens);
    }

    [Fact]
    public void A_layer_without_a_grid_under_haar2d_is_named_in_the_error()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("trace_f32.safetensors"));
        var config = StampConfig.Parse("numerics:\n  transform: haar2d\n", "test.yaml");
        var e = Assert.Throws<InputException>(() => Replay(trace).Run(trace.Manifest.Layers, config).ToList());
        Assert.Contains("layer 'blocks.0.attn.q': numerics.grid: haar2d needs a token grid", e.Message);
    }

    [Fact]
    public void A_NaN_stops_the_replay_naming_tensor_and_index()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("bad_nan.safetensors"));
        var e = Assert.Throws<InputException>(() => Replay(trace).Run(trace.Manifest.Layers, new StampConfig()).ToList());
        Assert.EndsWith("tensor 'act.0': NaN at index [1, 2]", e.Message);
    }
}
