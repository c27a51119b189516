using StampSim.Config;
using StampSim.Hardware;
using StampSim.Tests.Support;

namespace StampSim.Tests.Hardware;

public class GivenMappingTests
{
    private static string UnitYaml => File.ReadAllText(TestData.Fixture("Hardware", "Fixtures", "unit-accel.yaml"));

    private static StampConfig WithMapping(string mapping) => StampConfig.Parse(UnitYaml + "mapping: " + mapping + "\n", "unit.yaml");

    private static readonly LayerShape Shape = new(64, 32, 16);

    private static CostResult Cost(StampConfig c, GivenMapping? mapping = null) => CostModel.Evaluate(Shape, c.Numerics, c.MacArray, c.Accelerator!, mapping);

    [Fact]
    public void A_config_mapping_replaces_the_search_and_says_so()
    {
        var given = Cost(WithMapping("{loop_order: weights_outer, tile_tokens: 16, tile_outputs: 4}"));
        var searched = Cost(StampConfig.Parse(UnitYaml, "unit.yaml"));
        Assert.True(searched.MappingSearched);
        Assert.False(given.MappingSearched);
        Assert.Equal((LoopOrder.WeightsOuter, 16, 4), (given.Mapping!.Order, given.Mapping.TileTokens, given.Mapping.TileOutputs));
        // The same mapping given by the caller costs exactly the same.
        var byCaller = Cost(StampConfig.Parse(UnitYaml, "unit.yaml"), new GivenMapping(LoopOrder.WeightsOuter, 16, 4));
        Assert.Equal((given.TotalCycles, given.EnergyPj, given.DramReadBytes), (byCaller.TotalCycles, byCaller.EnergyPj, byCaller.DramReadBytes));
        // The search never does worse than a given mapping.
        Assert.True(searched.TotalCycles <= given.TotalCycles);
    }

    [Fact]
    public void Tiles_larger_than_the_layer_take_the_whole_dimension()
    {
        var r = Cost(WithMapping("{loop_order: activations_outer, tile_tokens: 100000, tile_outputs: 100000}"));
        Assert.Equal((Shape.Tokens, Shape.Outputs), (r.Mapping!.TileTokens, r.Mapping.TileOutputs));
    }

    [Theory]
    [InlineData("{loop_order: sideways, tile_tokens: 16, tile_outputs: 4}", "mapping.loop_order")]
    [InlineData("{loop_order: weights_outer, tile_tokens: 0, tile_outputs: 4}", "mapping.tile_tokens")]
    [InlineData("{loop_order: weights_outer, tile_outputs: 4}", "tile_tokens")]
    [InlineData("{loop_order: weights_outer, tile_tokens: 16, tile_outputs: 4, tile_features: 8}", "tile_features")]
    public void Bad_mapping_keys_are_errors_naming_the_key(string mapping, string key)
    {
        var e = Assert.Throws<InputException>(() => WithMapping(mapping));
        Assert.Contains(key, e.Message);
        Assert.Contains("unit.yaml", e.Message);
    }

    [Fact]
    public void A_token_tile_that_cuts_a_transform_block_names_the_key_and_the_block()
    {
        // haar with 4 levels on 64 tokens works on blocks of 16 tokens.
        var e = Assert.Throws<InputException>(() => Cost(WithMapping("{loop_order: activations_outer, tile_tokens: 24, tile_outputs: 4}")));
        Assert.Contains("mapping.tile_tokens: 24 is not a multiple of the sequence transform's block of 16 tokens", e.Message);
    }

    [Fact]
    public void A_mapping_that_does_not_fit_the_buffers_is_infeasible_with_the_reason()
    {
        var c = StampConfig.Parse(UnitYaml + "mapping: {loop_order: activations_outer, tile_tokens: 64, tile_outputs: 16}\n", "unit.yaml",
            ["buffers.out.capacity=1 KiB"]);
        var r = Cost(c);
        Assert.False(r.Feasible);
        Assert.Contains("the given mapping (activations_outer, 64 tokens x 16 outputs) does not fit the buffers", r.InfeasibleReason);
    }

    [Fact]
    public void Energy_actions_are_named_as_in_the_energy_table()
    {
        Assert.Equal(["mac_int4", "mac_int8_token", "dwt_add", "dwt_mul", "quant_op", "epilogue_op", "dram_read", "dram_write", "act_read", "act_write"],
            EnergyAction.Required(["act"]).Select(a => a.Name));
        var r = Cost(StampConfig.Parse(UnitYaml, "unit.yaml"));
        Assert.Equal(r.EnergyByComponentPj[CostComponent.Mac],
            r.Actions.Where(a => a.Key.Component == CostComponent.Mac).Sum(a => a.Value * r.EnergyPerActionPj[a.Key]));
    }
}
