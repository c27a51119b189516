using StampSim.Tests.Support;
using StampSim.Numerics;
using StampSim.Rtl;
using StampSim.Rtl.Systolic;

namespace StampSim.Tests.Systolic;

/// <summary>The whole array's parameters from a config, and the configs it refuses.</summary>
public class ArrayDesignTests
{
    [Fact]
    public void The_load_port_moves_the_weight_buffers_bytes_as_packed_codes_unless_the_config_names_a_load_bandwidth()
    {
        var edge = ArrayDesign.From(RtlBench.Config("edge-npu"));
        Assert.Equal((64.0, 128, true), (edge.LoadBytesPerCycle, edge.LoadCodesPerCycle, edge.DoubleBuffered));
        var narrow = ArrayDesign.From(RtlBench.Config("edge-npu", "mac_array.weight_load_bandwidth=8", "mac_array.double_buffered_weights=false"));
        Assert.Equal((8.0, 16, false), (narrow.LoadBytesPerCycle, narrow.LoadCodesPerCycle, narrow.DoubleBuffered));
        Assert.Equal(8, ArrayDesign.From(RtlBench.Config("bitfusion")).WideColumns);
        Assert.Equal(16, edge.WideColumns);
        Assert.Contains(("LOAD_WPC", "128"), edge.Parameters());
    }

    [Theory]
    [InlineData("edge-npu", 1, 14)]
    [InlineData("edge-npu", 8, 17)]
    [InlineData("edge-npu", 9, 18)]
    [InlineData("edge-npu", 16, 18)]
    [InlineData("int8-baseline", 16, 22)]
    public void A_partial_sum_holds_a_product_and_clog2_rows_plus_one_bits(string config, int rows, int bits) =>
        Assert.Equal(bits, ArrayDesign.From(RtlBench.Config(config, $"mac_array.rows={rows}")).SumWidth);

    [Theory]
    [InlineData("mac_array.dataflow=os", "weight stationary")]
    [InlineData("mac_array.weight_load_bandwidth=0.25", "whole number")]
    public void A_config_the_RTL_cannot_build_is_refused_by_name(string set, string message)
    {
        var e = Assert.Throws<InputException>(() => ArrayDesign.From(RtlBench.Config("edge-npu", set)));
        Assert.Contains(message, e.Message);
    }
}
