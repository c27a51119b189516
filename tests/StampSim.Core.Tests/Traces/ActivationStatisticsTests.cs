using StampSim.Numerics;
using StampSim.Tensors;
using StampSim.Traces;
using StampSim.Transforms;

namespace StampSim.Tests.Traces;

public class ActivationStatisticsTests
{
    private static readonly ExecutionOptions One = new(1);

    [Fact]
    public void Hand_computed_case_with_the_identity_transform()
    {
        // 4 tokens x 3 channels; channel 2 holds the outlier -40 at token 1.
        var x = new Matrix<float>(4, 3, [1, -2, 1, 2, 1, -40, 1, 2, 1, -2, 1, 1]);
        var s = ActivationStatistics.Compute(x, new IdentityTransform(4), hiTokens: 1, outlierFactor: 8);
        Assert.Equal((40.0, 1, 2), (s.MaxAbs, s.MaxAbsToken, s.MaxAbsChannel));
        Assert.Equal(2.0, s.MedianChannelMax); // channel maxima 2, 2, 40
        Assert.Equal([2], s.OutlierChannels);
        double total = 1 + 4 + 1 + 4 + 1 + 1600 + 1 + 4 + 1 + 4 + 1 + 1;
        Assert.Equal(6 / total, s.Compaction.HiShareBefore, 15);
        Assert.Equal(s.Compaction.HiShareBefore, s.Compaction.HiShareAfter);
        Assert.Equal("none", s.Compaction.Transform);
    }

    [Fact]
    public void Haar_moves_a_smooth_signals_energy_into_the_first_tokens()
    {
        // A constant sequence: after a full Haar transform all energy sits in the first coefficient.
        var x = new Matrix<float>(8, 1, [3, 3, 3, 3, 3, 3, 3, 3]);
        var s = ActivationStatistics.Compute(x, new HaarTransform(8, 3, One), hiTokens: 1, outlierFactor: 8);
        Assert.Equal(1.0 / 8, s.Compaction.HiShareBefore, 15);
        Assert.Equal(1.0, s.Compaction.HiShareAfter, 6);
    }

    [Fact]
    public void Lag1_autocorrelation_matches_the_definition()
    {
        // Channel 0: 1, 2, 3, 4 (mean 2.5): sum c_i c_{i+1} = (-1.5)(-0.5) + (-0.5)(0.5) + (0.5)(1.5) = 1.25, sum c^2 = 5 -> 0.25.
        // Channel 1: alternating 1, -1, 1, -1: -3 / 4 = -0.75. Channel 2 is constant and left out.
        var x = new Matrix<float>(4, 3, [1, 1, 7, 2, -1, 7, 3, 1, 7, 4, -1, 7]);
        var s = ActivationStatistics.Compute(x, new IdentityTransform(4), 1, 8);
        Assert.Equal((0.25 - 0.75) / 2, s.Lag1Autocorrelation, 15);
    }

    [Fact]
    public void Tokens_before_the_start_are_left_out_of_the_autocorrelation()
    {
        var x = new Matrix<float>(5, 1, [100, 1, 2, 3, 4]);
        var s = ActivationStatistics.Compute(x, new IdentityTransform(5), 1, 8, startToken: 1);
        Assert.Equal(0.25, s.Lag1Autocorrelation, 15);
    }

    [Fact]
    public void Layer_statistics_read_each_shared_input_once_and_use_the_layers_grid()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("grid.safetensors"));
        var numerics = new NumericsConfig { Transform = SequenceTransformKind.Haar2d, HiTokens = 2 };
        var stats = Assert.Single(LayerStatistics.ForTrace(trace, numerics, 8, One));
        Assert.Equal("prefix(1) + haar2d(grid=2x4, levels=1)", stats.Statistics.Compaction.Transform);
        Assert.Equal(2, stats.Statistics.Compaction.HiTokens);
    }

    [Fact]
    public void Layers_sharing_an_input_share_its_statistics()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("trace_f32.safetensors"));
        var all = LayerStatistics.ForTrace(trace, new NumericsConfig(), 8, One);
        Assert.Equal(["blocks.0.attn.q", "blocks.0.attn.k", "blocks.0.mlp.down"], all.Select(l => l.Layer.Name));
        Assert.Same(all[0].Statistics, all[1].Statistics);
        Assert.NotSame(all[0].Statistics, all[2].Statistics);
        Assert.Equal(2.0, all[0].Statistics.MaxAbs); // (23 - 7) / 8 at the last of 24 elements
    }
}
