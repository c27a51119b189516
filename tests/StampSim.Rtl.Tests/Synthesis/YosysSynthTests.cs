using StampSim.Rtl;
using StampSim.Rtl.Synthesis;
using StampSim.Tests.Support;

namespace StampSim.Tests.Synthesis;

public class YosysSynthTests
{
    [SkippableFact]
    public void The_int8_column_is_larger_than_int4_and_two_pass_sits_between()
    {
        Tools.Require("yosys");
        var design = RtlDesign.From(RtlBench.Config("edge-npu", "mac_array.rows=4", "numerics.accumulator.tree_bits=16", "numerics.accumulator.acc_bits=20"));
        using var dir = new TempDir();
        var variants = YosysSynth.Run(design, dir.Root);
        Assert.Equal(["int4", "int8", "int8_two_pass"], variants.Select(v => v.Key));
        var (int4, int8, twoPass) = (variants[0], variants[1], variants[2]);
        Assert.True(int4.Cells < twoPass.Cells && twoPass.Cells < int8.Cells, $"cells {int4.Cells} / {twoPass.Cells} / {int8.Cells}");
        Assert.True(int4.Transistors < int8.Transistors);
        Assert.All(variants, v => Assert.InRange(v.FlipFlops, 1, v.Cells - 1));
        Assert.Equal((null, 1, 2), (int4.PassesPerWideToken, int8.PassesPerWideToken, twoPass.PassesPerWideToken));
        Assert.Equal(RtlDesign.NarrowActWidth, int4.Design.ActWidth);
    }

    [Fact]
    public void The_script_sets_every_parameter_of_the_column()
    {
        var design = RtlDesign.From(RtlBench.Config("int8-baseline"));
        string script = YosysSynth.Script(design, ["a.sv", "b.sv"], "s.txt", "c.txt");
        Assert.Contains("read_verilog -sv a.sv b.sv", script);
        Assert.Contains("chparam -set ROWS 16 -set ACT_W 9 -set WGT_W 8 -set TREE_BITS 32 -set ACC_BITS 32 -set SATURATE 1 -set MULT_MODE 3 stamp_mac_column", script);
        Assert.Contains("stat -tech cmos", script);
    }
}
