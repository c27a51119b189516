using StampSim.Numerics;

namespace StampSim.Tests;

public class NumericsConfigTests
{
    [Theory]
    [InlineData(64, 2048, 64)]
    [InlineData(64, 16, 16)]
    [InlineData(0, 16, 0)]
    public void The_effective_hi_token_count_is_hi_tokens_capped_at_the_layers_tokens(int hiTokens, int tokens, int expected) =>
        Assert.Equal(expected, new NumericsConfig { HiTokens = hiTokens }.HiTokensOf(tokens));

    [Fact]
    public void Under_haar2d_a_layer_with_a_grid_runs_on_its_grid_and_prefix()
    {
        var n = new NumericsConfig { Transform = SequenceTransformKind.Haar2d, Grid = new TokenGrid(2, 2) };
        var onLayer = n.OnLayerGrid(new TokenGrid(14, 14), 1);
        Assert.Equal((new TokenGrid(14, 14), 1), (onLayer.Grid, onLayer.PrefixTokens));
        Assert.Same(n, n.OnLayerGrid(null, 0));
    }

    [Fact]
    public void Other_transforms_ignore_the_layers_grid()
    {
        var n = new NumericsConfig { Transform = SequenceTransformKind.Haar };
        Assert.Same(n, n.OnLayerGrid(new TokenGrid(14, 14), 1));
    }

    [Fact]
    public void Activation_precisions_in_words()
    {
        var stamp = new NumericsConfig();
        Assert.Equal("STaMP haar: 64 tokens A8, rest A4", stamp.DescribeActivations());
        Assert.Equal("A8 per token", stamp.UniformBaseline(8).DescribeActivations());
        Assert.Equal("STaMP dct: A4 per token", (stamp with { Transform = SequenceTransformKind.Dct, HiTokens = 0 }).DescribeActivations());
        Assert.Equal("16 tokens A8, rest A4", (stamp with { Transform = SequenceTransformKind.None, HiTokens = 16 }).DescribeActivations());
    }
}
