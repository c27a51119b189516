using StampSim.Numerics;
using StampSim.Rtl;
using StampSim.Tests.Support;

namespace StampSim.Tests;

public class RtlDesignTests
{
    [Theory]
    [InlineData("edge-npu", RtlMultiplier.Int4TwoPass, 16, 4)]
    [InlineData("mobile-npu", RtlMultiplier.Int4TwoPass, 32, 4)]
    [InlineData("bitfusion", RtlMultiplier.Int4Fused, 16, 4)]
    [InlineData("int8-baseline", RtlMultiplier.Int8, 16, 8)]
    [InlineData("datacenter", RtlMultiplier.Int8, 128, 8)]
    public void Every_shipped_config_maps_to_its_multiplier(string name, RtlMultiplier multiplier, int rows, int weightWidth)
    {
        var design = RtlDesign.From(RtlBench.Config(name));
        Assert.Equal(multiplier, design.Multiplier);
        Assert.Equal(rows, design.Rows);
        Assert.Equal(weightWidth, design.WeightWidth);
        Assert.Equal(RtlDesign.WideActWidth, design.ActWidth);
        Assert.Equal((32, 32, OverflowMode.Saturate), (design.TreeBits, design.AccBits, design.Overflow));
    }

    [Fact]
    public void Weights_wider_than_the_multiplier_are_rejected_naming_the_key()
    {
        var e = Assert.Throws<InputException>(() => RtlDesign.From(RtlBench.Config("edge-npu", "numerics.weight_bits=8")));
        Assert.StartsWith("numerics.weight_bits:", e.Message);
    }

    [Fact]
    public void Only_two_pass_takes_two_passes_and_only_for_wide_tokens()
    {
        var design = RtlDesign.From(RtlBench.Config("edge-npu"));
        Assert.Equal((1, 2), (design.Passes(4), design.Passes(8)));
        Assert.True(design.IsWide(5));
        var fused = design.WithMultiplier(RtlMultiplier.Int4Fused);
        Assert.Equal(1, fused.Passes(8));
        var int8 = design.WithMultiplier(RtlMultiplier.Int8);
        Assert.False(int8.IsWide(8));
        Assert.Equal(RtlDesign.NarrowActWidth, design.WithMultiplier(RtlMultiplier.Int4).ActWidth);
    }
}
