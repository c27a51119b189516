using StampSim.Config;
using StampSim.Hardware;
using StampSim.Tests.Support;

namespace StampSim.Tests.Hardware;

public class MappingObjectiveTests
{
    // The LLaMA-3-8B-shaped projection of `stampsim cost --gemm 2048,4096,4096`.
    private static readonly LayerShape EightB = new(2048, 4096, 4096);

    private static StampConfig EdgeNpu(params string[] sets) => StampConfig.Load(null, sets);

    private static StampConfig Unit(params string[] sets) => StampConfig.Load(TestData.Fixture("Hardware", "Fixtures", "unit-accel.yaml"), sets);

    private static (CostResult Chosen, IReadOnlyList<CostResult> Candidates) Search(StampConfig c, LayerShape shape)
    {
        var chosen = CostModel.Evaluate(shape, c.Numerics, c.MacArray, c.Accelerator!);
        var candidates = CostModel.Candidates(shape, c.Numerics, c.MacArray, c.Accelerator!);
        Assert.True(chosen.Feasible, chosen.InfeasibleReason);
        Assert.True(chosen.MappingSearched);
        Assert.Contains(candidates, r => r.Mapping == chosen.Mapping);
        return (chosen, candidates);
    }

    private static double Dram(CostResult r) => r.DramReadBytes + r.DramWriteBytes;

    private static double Edp(CostResult r) => (double)r.TotalCycles * r.EnergyPj;

    public static TheoryData<string, int, int, int> Layers()
    {
        var data = new TheoryData<string, int, int, int> { { "edge-npu", EightB.Tokens, EightB.Features, EightB.Outputs } };
        var rng = new Random(7);
        for (int i = 0; i < 8; i++)
            data.Add("unit", 16 * rng.Next(1, 40), 8 * rng.Next(1, 64), 4 * rng.Next(1, 64));
        return data;
    }

    private static StampConfig Config(string name, string objective) =>
        name == "edge-npu" ? EdgeNpu($"mapping.objective={objective}") : Unit($"mapping.objective={objective}");

    [Theory]
    [MemberData(nameof(Layers))]
    public void Cycles_then_energy_keeps_the_fewest_cycles_and_breaks_ties_by_energy_then_dram_bytes(string config, int s, int d, int n)
    {
        var (chosen, candidates) = Search(Config(config, "cycles_then_energy"), new LayerShape(s, d, n));
        Assert.True(candidates.Count > 1);
        Assert.All(candidates, r => Assert.True(r.TotalCycles >= chosen.TotalCycles));
        foreach (var r in candidates.Where(r => r.TotalCycles == chosen.TotalCycles))
        {
            Assert.True(r.EnergyPj >= chosen.EnergyPj, $"{r.Mapping} ties on cycles with less energy than {chosen.Mapping}");
            if (r.EnergyPj == chosen.EnergyPj)
                Assert.True(Dram(r) >= Dram(chosen), $"{r.Mapping} ties on cycles and energy with fewer DRAM bytes than {chosen.Mapping}");
        }
    }

    [Fact]
    public void The_default_objective_is_cycles_then_energy_and_on_the_8b_layer_no_mapping_as_fast_moves_fewer_dram_bytes()
    {
        var c = EdgeNpu();
        Assert.Equal(MappingObjective.CyclesThenEnergy, c.Accelerator!.Mapping.Objective);
        var (chosen, candidates) = Search(c, EightB);
        var asFast = candidates.Where(r => r.TotalCycles == chosen.TotalCycles).ToList();
        Assert.NotEmpty(asFast);
        Assert.All(asFast, r => Assert.True(Dram(r) >= Dram(chosen), $"{r.Mapping}: {Dram(r)} DRAM bytes, chosen {chosen.Mapping}: {Dram(chosen)}"));
        // With pipelined folds the array is busy whatever the tiling: many mappings tie on cycles and energy decides.
        Assert.True(asFast.Count > 1);
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Energy_then_cycles_never_picks_more_energy_than_any_candidate(string config, int s, int d, int n)
    {
        var (chosen, candidates) = Search(Config(config, "energy_then_cycles"), new LayerShape(s, d, n));
        Assert.All(candidates, r => Assert.True(r.EnergyPj >= chosen.EnergyPj, $"{r.Mapping}: {r.EnergyPj} pJ, chosen {chosen.Mapping}: {chosen.EnergyPj} pJ"));
        Assert.All(candidates.Where(r => r.EnergyPj == chosen.EnergyPj), r => Assert.True(r.TotalCycles >= chosen.TotalCycles));
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Edp_minimises_cycles_times_energy(string config, int s, int d, int n)
    {
        var (chosen, candidates) = Search(Config(config, "edp"), new LayerShape(s, d, n));
        Assert.All(candidates, r => Assert.True(Edp(r) >= Edp(chosen), $"{r.Mapping}: EDP {Edp(r)}, chosen {chosen.Mapping}: {Edp(chosen)}"));
    }

    [Theory]
    [InlineData("mapping:\n  objectve: edp\n", "unknown key 'mapping.objectve' in 'mapping'; did you mean 'mapping.objective'?")]
    [InlineData("mapping:\n  objective: fastest\n", "mapping.objective: unknown value 'fastest' (expected one of: cycles_then_energy, energy_then_cycles, edp)")]
    [InlineData("mapping:\n  objective: edp\n  loop_order: weights_outer\n  tile_tokens: 16\n  tile_outputs: 4\n", "mapping.objective: chooses among the mappings the search tries")]
    [InlineData("mapping:\n  loop_ordr: weights_outer\n", "did you mean 'mapping.loop_order'?")]
    public void Bad_objective_keys_are_refused_naming_the_key(string mapping, string expected)
    {
        var e = Assert.Throws<InputException>(() => StampConfig.Parse(File.ReadAllText(TestData.Fixture("Hardware", "Fixtures", "unit-accel.yaml")) + mapping, "unit.yaml"));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("unit.yaml:", e.Message);
    }

    [Fact]
    public void A_typo_in_a_set_override_is_refused()
    {
        var e = Assert.Throws<InputException>(() => EdgeNpu("mapping.objectiv=edp"));
        Assert.Contains("did you mean 'mapping.objective'?", e.Message);
    }

    [Theory]
    [InlineData("mapping: {objective: edp}\n")]
    [InlineData("mapping: {loop_order: weights_outer, tile_tokens: 16, tile_outputs: 4}\n")]
    [InlineData("")]
    public void The_mapping_section_is_in_the_effective_configuration_and_loads_back(string mapping)
    {
        string unit = File.ReadAllText(TestData.Fixture("Hardware", "Fixtures", "unit-accel.yaml"));
        var c = StampConfig.Parse(unit + mapping, "unit.yaml");
        var section = ConfigJson.Effective(c)["mapping"]!.ToJsonString();
        Assert.Equal(mapping.Contains("loop_order"), section.Contains("loop_order"));
        Assert.Equal(!mapping.Contains("loop_order"), section.Contains("objective"));
        var back = StampConfig.Parse(unit + "mapping: " + section + "\n", "effective.json");
        Assert.Equal(c.Accelerator!.Mapping, back.Accelerator!.Mapping);
    }
}
