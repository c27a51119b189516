using StampSim.Rtl.Synthesis;
using StampSim.Rtl.Systolic;
using StampSim.Tests.Support;

namespace StampSim.Tests.Synthesis;

/// <summary>The whole array's PE and array through Yosys, and the estimate above the synthesised size.</summary>
public class ArraySynthTests
{
    private static ArrayDesign Edge8x8(params string[] overrides) =>
        ArrayDesign.From(RtlBench.Config("edge-npu", ["mac_array.rows=8", "mac_array.cols=8", .. overrides]));

    [SkippableFact]
    public void The_8x8_array_keeps_every_PEs_weights_and_sums_and_is_no_larger_than_its_PEs_apart()
    {
        Tools.Require("yosys");
        var design = Edge8x8();
        using var dir = new TempDir();
        var area = ArraySynth.Run(design, dir.Root);
        Assert.True(area.Synthesised);
        Assert.Equal(64, design.Pes);
        // No merge can share a PE's active and shadow weights (own write enables) or its partial sum.
        long ownState = 2 * design.Column.WeightWidth + design.SumWidth;
        Assert.True(area.Array.FlipFlops >= design.Pes * ownState, $"{area.Array.FlipFlops} flip-flops < 64 x {ownState}");
        // Synthesising the array whole only removes logic from PEs laid side by side with the skew registers.
        var apart = ArraySynth.Estimate(design, area.Pe);
        Assert.True(area.Array.FlipFlops <= apart.FlipFlops && area.Array.Cells < apart.Cells,
            $"array {area.Array} against PEs apart {apart}");
        Assert.True(area.Array.Transistors > design.Pes * area.Pe.Transistors / 2, $"array {area.Array.Transistors} transistors, PE {area.Pe.Transistors}");
        Assert.InRange(area.Pe.FlipFlops, ownState, area.Pe.Cells - 1);
    }

    [SkippableFact]
    public void A_double_buffered_PE_adds_the_shadow_weight_and_its_full_flag()
    {
        Tools.Require("yosys");
        using var dir = new TempDir();
        var doubled = Edge8x8();
        long shadow = ArraySynth.Pe(doubled, Path.Combine(dir.Root, "double")).FlipFlops
                      - ArraySynth.Pe(Edge8x8("mac_array.double_buffered_weights=false"), Path.Combine(dir.Root, "single")).FlipFlops;
        Assert.Equal(doubled.Column.WeightWidth + 1, shadow);
    }

    [Fact]
    public void The_scripts_set_the_configs_widths_and_leave_the_simulation_system_out()
    {
        var design = Edge8x8();
        string pe = ArraySynth.PeScript(design), array = ArraySynth.ArrayScript(design);
        Assert.Contains("chparam -set ACT_W 9 -set WGT_W 4 -set SUM_W 17 -set MULT_MODE 1 -set COL 0 -set DOUBLE_BUF 1 stamp_ws_pe", pe);
        Assert.Contains("synth -flatten -top stamp_ws_pe", pe);
        Assert.Contains("chparam -set ROWS 8 -set COLS 8 -set ACT_W 9 -set WGT_W 4 -set SUM_W 17 -set MULT_MODE 1 -set DOUBLE_BUF 1 stamp_ws_array", array);
        Assert.Contains("read_verilog -sv stamp_bring.sv stamp_brick.sv stamp_pe_mul.sv stamp_ws_pe.sv stamp_ws_array.sv\n", array);
        var int8 = ArrayDesign.From(RtlBench.Config("int8-baseline", "mac_array.double_buffered_weights=false"));
        Assert.Contains("-set WGT_W 8 -set SUM_W 22 -set MULT_MODE 3 -set DOUBLE_BUF 0 stamp_ws_array", ArraySynth.ArrayScript(int8));
    }

    [Fact]
    public void Arrays_above_16x16_are_estimated_as_PEs_apart_plus_the_skew_registers()
    {
        Assert.True(ArraySynth.SynthesisesWhole(ArrayDesign.From(RtlBench.Config("edge-npu"))));
        Assert.False(ArraySynth.SynthesisesWhole(ArrayDesign.From(RtlBench.Config("mobile-npu"))));
        var datacenter = ArrayDesign.From(RtlBench.Config("datacenter"));
        Assert.False(ArraySynth.SynthesisesWhole(datacenter));
        // 128 x 128 PEs; rows r = 0..127 delay a slot r stages of 9 + 16 + 5 bits: 8128 x 30.
        Assert.Equal(243840, ArraySynth.SkewFlipFlops(datacenter));
        Assert.Equal(new GateCount(16384 * 100 + 243840, 16384 * 700, 16384 * 10 + 243840), ArraySynth.Estimate(datacenter, new GateCount(100, 700, 10)));
    }
}
