using StampSim.Hardware;

namespace StampSim.Tests.Hardware;

public class PeakMacRateTests
{
    [Fact]
    public void An_int4_array_runs_8_bit_tokens_at_half_rate_in_two_passes_or_on_fused_column_pairs()
    {
        var mac = new MacArrayConfig { Rows = 16, Cols = 7 };
        Assert.Equal(16.0 * 7, PeakMacRate.PerCycle(4, 4, mac));
        Assert.Equal(16.0 * 7 / 2, PeakMacRate.PerCycle(8, 4, mac));
        // Fused pairs: an odd column is left idle.
        Assert.Equal(16.0 * 3, PeakMacRate.PerCycle(8, 4, mac with { EightBitMode = EightBitMode.Fused }));
    }

    [Fact]
    public void An_int8_array_runs_every_token_width_at_full_rate_and_wide_weights_take_more_passes()
    {
        var mac = new MacArrayConfig { Rows = 8, Cols = 8, Multiplier = MultiplierKind.Int8 };
        Assert.Equal(64.0, PeakMacRate.PerCycle(8, 4, mac));
        Assert.Equal(2, PeakMacRate.WeightPasses(8, mac with { WeightBits = 4 }));
        Assert.Equal(32.0, PeakMacRate.PerCycle(4, 8, mac with { WeightBits = 4 }));
    }
}
