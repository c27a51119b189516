using StampSim.Config;
using StampSim.Tests.Support;

namespace StampSim.Tests.Hardware;

public class AcceleratorConfigTests
{
    private static string UnitYaml => File.ReadAllText(TestData.Fixture("Hardware", "Fixtures", "unit-accel.yaml"));

    [Fact]
    public void Loads_with_units_and_a_stable_energy_hash()
    {
        var c = StampConfig.Parse(UnitYaml, "unit.yaml");
        var hw = c.Accelerator!;
        Assert.Equal(1.0, hw.ClockGhz);
        Assert.Equal(16e9, hw.Dram.Bandwidth);
        Assert.Equal(64 * 1024, hw.Buffers[0].Capacity);
        Assert.Equal(16, hw.Energy.Hash.Length);
        Assert.Equal(hw.Energy.Hash, StampConfig.Parse(UnitYaml, "again.yaml").Accelerator!.Energy.Hash);
        Assert.NotEqual(hw.Energy.Hash, StampConfig.Parse(UnitYaml, "x.yaml", ["energy.mac_int4.pj=1.5"]).Accelerator!.Energy.Hash);
    }

    [Theory]
    [InlineData("clock_ghz=800 MHz", null)]
    [InlineData("dram.bandwidth=1.5 TB/s", null)]
    [InlineData("buffers.act.capacity=1 MiB", null)]
    [InlineData("buffers.act.capacity=1 MB/s", "buffers.act.capacity: unknown unit 'MB/s'")]
    [InlineData("buffers.act.capacity=12 kib", "buffers.act.capacity: unknown unit 'kib' (accepted: B, KB, MB, GB, KiB, MiB, GiB); did you mean 'KiB'?")]
    [InlineData("dram.bandwidth=25", "dram.bandwidth: '25' needs a unit (e.g. 25.6 GB/s)")]
    [InlineData("clock_ghz=fast", "clock_ghz: expected a non-negative number with an optional unit, got 'fast'")]
    [InlineData("energy.mac_int5={pj: 1, node: x, source: y}", "unknown key 'energy.mac_int5' in 'energy'; did you mean 'energy.mac_int4'?")]
    [InlineData("energy.dram_read.joules=3", "unknown key 'energy.dram_read.joules'")]
    [InlineData("mac_array.multiplier=int8", "mac_array.eight_bit_mode: an int8 multiplier runs 8-bit tokens natively: set eight_bit_mode: native")]
    [InlineData("buffers.out.holds=[weights]", "buffers: weights must be held by exactly one buffer, found wgt, out")]
    [InlineData("buffers.act.holds=[activation]", "buffers.act.holds: unknown tensor 'activation'")]
    [InlineData("mac_array.dataflow=rs", "mac_array.dataflow: unknown dataflow 'rs' (known: ws, os, is)")]
    [InlineData("dwt_unit.format=fp8", "dwt_unit.format: unknown value 'fp8'")]
    public void Validation(string set, string? error)
    {
        if (error is null)
        {
            StampConfig.Parse(UnitYaml, "unit.yaml", [set]);
            return;
        }
        var e = Assert.Throws<InputException>(() => StampConfig.Parse(UnitYaml, "unit.yaml", [set]));
        Assert.Contains(error, e.Message);
    }

    [Fact]
    public void Missing_energy_entry_is_an_error_never_a_default()
    {
        var yaml = string.Join('\n', UnitYaml.Split('\n').Where(l => !l.Contains("dwt_mul")));
        var e = Assert.Throws<InputException>(() => StampConfig.Parse(yaml, "unit.yaml"));
        Assert.Contains("energy: missing entry 'dwt_mul'", e.Message);
        Assert.StartsWith("unit.yaml:", e.Message);
    }

    [Fact]
    public void Missing_source_in_an_entry_names_the_key()
    {
        var yaml = UnitYaml.Replace("quant_op: {pj: 1, node: test, source: test}", "quant_op: {pj: 1, node: test}");
        var e = Assert.Throws<InputException>(() => StampConfig.Parse(yaml, "unit.yaml"));
        Assert.Contains("missing required key 'energy.quant_op.source'", e.Message);
    }

    [Fact]
    public void Partial_accelerator_is_rejected()
    {
        var e = Assert.Throws<InputException>(() => StampConfig.Parse("clock_ghz: 1\n", "p.yaml"));
        Assert.Contains("missing required key", e.Message);
    }

    [Fact]
    public void Misspelled_top_level_key_suggests_the_right_one()
    {
        var e = Assert.Throws<InputException>(() => StampConfig.Parse(UnitYaml.Replace("epilogue:", "epilog:"), "unit.yaml"));
        Assert.Contains("did you mean", e.Message);
    }
}
