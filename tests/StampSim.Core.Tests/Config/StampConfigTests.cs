using StampSim.Tests.Support;
using System.Text.Json;
using StampSim.Config;
using StampSim.Numerics;

namespace StampSim.Tests.Config;

public class StampConfigTests
{
    [Fact]
    public void Empty_config_has_the_contract_defaults()
    {
        var c = StampConfig.Parse("version: 1\n", "defaults.yaml");
        var n = c.Numerics;
        Assert.Equal(SequenceTransformKind.Haar, n.Transform);
        Assert.True(n.Levels.IsAuto);
        Assert.Equal(64, n.HiTokens);
        Assert.Equal(8, n.HiBits);
        Assert.Equal(4, n.LoBits);
        Assert.Equal(ActQuantKind.Minmax, n.ActQuant);
        Assert.Equal(0, n.ActGroup);
        Assert.Equal(4, n.WeightBits);
        Assert.Equal(FeatureTransformKind.None, n.FeatureTransform);
        Assert.Equal(new AccumulatorConfig { TreeBits = 32, AccBits = 32, Overflow = OverflowMode.Saturate }, n.Accumulator);
    }

    [Fact]
    public void Embedded_default_loads()
    {
        var c = StampConfig.Load(null);
        Assert.Equal("edge-npu", c.Name);
        Assert.Equal(new NumericsConfig(), c.Numerics);
    }

    [Fact]
    public void Every_shipped_config_loads()
    {
        var dir = Path.Combine(StampSim.Tests.Support.SharedData.RepoRoot(), "hwconfigs");
        var files = Directory.GetFiles(dir, "*.yaml");
        Assert.NotEmpty(files);
        foreach (var f in files) StampConfig.Load(f);
    }

    [Theory]
    [InlineData("numerics:\n  hi_tokenz: 4\n", "x.yaml:2:3: unknown key 'numerics.hi_tokenz' in 'numerics'; did you mean 'numerics.hi_tokens'?")]
    [InlineData("numerics:\n  hi_bits: 9\n", "x.yaml:2:12: numerics.hi_bits: 9 is out of range (between 2 and 8)")]
    [InlineData("numerics:\n  hi_bits: eight\n", "x.yaml:2:12: numerics.hi_bits: expected an integer, got 'eight'")]
    [InlineData("numerics:\n  transform: haar3d\n", "x.yaml:2:14: numerics.transform: unknown value 'haar3d' (expected one of: none, haar, haar2d, dct, wht); did you mean 'haar2d'?")]
    [InlineData("numerics:\n  grid: 14by14\n", "x.yaml:2:9: numerics.grid: expected a grid like \"14x14\" (positive HxW), got '14by14'")]
    [InlineData("mac_array:\n  rows: 16\n  rows: 32\n", "x.yaml:3:3: duplicate key 'rows' (first defined at line 2:3)")]
    [InlineData("numerics: [1, 2]\n", "x.yaml:1:11: numerics: expected a mapping of keys, found a list")]
    [InlineData("numerics:\n  accumulator:\n    overflow: clamp\n", "x.yaml:3:15: numerics.accumulator.overflow: unknown value 'clamp' (expected one of: saturate, wrap)")]
    [InlineData("version: 2\n", "x.yaml:1:10: version: 2 is out of range (between 1 and 1)")]
    [InlineData("numerics:\n  hi_bits: [8\n", "x.yaml:")]
    public void Errors_name_key_and_position(string yaml, string expected)
    {
        var e = Assert.Throws<InputException>(() => StampConfig.Parse(yaml, "x.yaml"));
        Assert.StartsWith(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Set_overrides_any_dotted_key()
    {
        var c = StampConfig.Parse("numerics:\n  hi_tokens: 32\n", "x.yaml", ["numerics.hi_tokens=16", "numerics.accumulator.acc_bits=20", "mac_array.rows=64", "numerics.grid=[8, 8]"]);
        Assert.Equal(16, c.Numerics.HiTokens);
        Assert.Equal(20, c.Numerics.Accumulator.AccBits);
        Assert.Equal(64, c.MacArray.Rows);
        Assert.Equal(new TokenGrid(8, 8), c.Numerics.Grid);
    }

    [Theory]
    [InlineData("numerics.hi_tokenz=3", "--set numerics.hi_tokenz=3: unknown key 'numerics.hi_tokenz' in 'numerics'; did you mean 'numerics.hi_tokens'?")]
    [InlineData("numerics.hi_bits=1", "--set numerics.hi_bits=1: numerics.hi_bits: 1 is out of range (between 2 and 8)")]
    [InlineData("numerics", "--set numerics: expected key=value")]
    [InlineData("numerics.hi_bits.x=1", "--set numerics.hi_bits.x=1: 'numerics.hi_bits' is a scalar, not a section")]
    public void Set_errors_name_the_override(string assignment, string expected)
    {
        var e = Assert.Throws<InputException>(() => StampConfig.Parse("numerics:\n  hi_bits: 8\n", "x.yaml", [assignment]));
        Assert.StartsWith(expected, e.Message);
    }

    [Theory]
    [InlineData("mac_array.rows=1000000000000", "mac_array.rows: 1000000000000 is out of range (between 1 and 65536)")]
    [InlineData("clock_ghz=1e30", "clock_ghz: 1E+30 GHz is out of range for a clock (at least 0.001 GHz, at most 20 GHz)")]
    [InlineData("clock_ghz=1 Hz", "clock_ghz: 1E-09 GHz is out of range for a clock (at least 0.001 GHz, at most 20 GHz)")]
    [InlineData("dram.bandwidth=1e6 TB/s", "dram.bandwidth: 1E+18 B/s is out of range for a DRAM bandwidth (at least 1E+06 B/s, at most 1E+14 B/s)")]
    [InlineData("buffers.act_buffer.capacity=1000 GiB", "is out of range for an on-chip buffer")]
    [InlineData("buffers.act_buffer.read_bandwidth=1e9", "read_bandwidth: 1E+09 B/cycle is out of range for an on-chip port (above 0, at most 1.049E+06 B/cycle)")]
    public void Quantities_outside_what_hardware_can_be_are_out_of_range_in_the_keys_own_units(string assignment, string expected)
    {
        string edge = Path.Combine(SharedData.RepoRoot(), "hwconfigs", "edge-npu.yaml");
        var e = Assert.Throws<InputException>(() => StampConfig.Load(edge, [assignment]));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("System.", e.Message);
    }

    [Fact]
    public void Effective_configuration_as_json_loads_back_to_the_same_config()
    {
        var c = StampConfig.Parse("numerics:\n  transform: haar2d\n  grid: 8x16\n  levels: 2\n  act_quant: symmetric\n  accumulator: {overflow: wrap, acc_bits: 20}\nmac_array: {rows: 32}\n", "x.yaml");
        string json = ConfigJson.Effective(c).ToJsonString();
        var back = StampConfig.Parse(json, "effective.json");
        Assert.Equal(c, back);
        Assert.Contains("\"transform\": \"haar2d\"", ConfigJson.Effective(c).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public static TheoryData<string> ShippedConfigs() => new(Directory.GetFiles(Path.Combine(SharedData.RepoRoot(), "hwconfigs"), "*.yaml").Select(Path.GetFileName).OfType<string>().Order());

    // The effective configuration is written by generated serializers without metadata: every record type a
    // shipped config uses must have one, or writing it fails.
    [Theory]
    [MemberData(nameof(ShippedConfigs))]
    public void Every_shipped_config_is_written_with_its_config_spellings(string file)
    {
        var c = StampConfig.Load(Path.Combine(SharedData.RepoRoot(), "hwconfigs", file), ["numerics.levels=3"]);
        string json = ConfigJson.Effective(c).ToJsonString();
        Assert.Contains("\"levels\":3", json);
        Assert.Contains("\"overflow\":\"saturate\"", json);
        Assert.Matches("\"buffers\":\\{\"[a-z_]+\":\\{\"capacity\":", json);
        Assert.Matches("\"holds\":\\[\"(activations|weights|outputs)\"", json);
        Assert.Equal(c.Numerics, StampConfig.Parse($"{{\"numerics\": {ConfigJson.Node(c.Numerics).ToJsonString()}}}", "numerics.json").Numerics);
        Assert.Equal("auto", ConfigJson.Node(new NumericsConfig())["levels"]!.GetValue<string>());
    }
}
