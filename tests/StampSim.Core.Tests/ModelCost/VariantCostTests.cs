using StampSim.Config;
using StampSim.ModelCost;

namespace StampSim.Tests.ModelCost;

/// <summary>Honest figures: per-phase energy per token, no decode figure without decode, no figures when infeasible, no wrapped counts.</summary>
public class VariantCostTests
{
    private static IReadOnlyList<VariantCost> Cost(string preset, InferenceRequest r, StampConfig? c = null) =>
        ModelCostModel.Evaluate(ArchitectureReader.Load(preset), r, c ?? StampConfig.Load(null), "edge-npu");

    [Fact]
    public void Energy_per_token_is_split_by_phase()
    {
        var r = new InferenceRequest(Prompt: 256, Decode: 8, Batch: 2);
        foreach (var v in Cost("stories260K", r))
        {
            Assert.Equal(v.Prefill.EnergyJ / (2 * 256), v.PrefillEnergyPerTokenJ!.Value, 12);
            Assert.Equal(v.Decode!.EnergyJ / (2 * 8), v.DecodeEnergyPerTokenJ!.Value, 12);
            Assert.Null(v.EnergyPerImageJ);
        }
    }

    [Fact]
    public void Energy_by_component_adds_up_to_each_phase()
    {
        foreach (var v in Cost("stories260K", new InferenceRequest(Prompt: 128, Decode: 4)))
            foreach (var phase in new[] { v.Prefill, v.Decode! })
            {
                Assert.Equal(phase.EnergyJ, phase.EnergyByComponentJ.Values.Sum(), phase.EnergyJ * 1e-9);
                Assert.True(phase.EnergyByComponentJ["mac"] > 0 && phase.EnergyByComponentJ["vector"] > 0 && phase.EnergyByComponentJ["dram"] > 0);
            }
    }

    [Fact]
    public void Without_decode_steps_there_is_no_decode_figure()
    {
        foreach (var v in Cost("stories260K", new InferenceRequest(Prompt: 256, Decode: 0)))
        {
            Assert.Null(v.TpotSeconds);
            Assert.Null(v.DecodeEnergyPerTokenJ);
            Assert.Null(v.TokensPerSecond);
            Assert.NotNull(v.PrefillEnergyPerTokenJ);
        }
    }

    [Fact]
    public void A_model_beyond_the_DRAM_capacity_is_infeasible_with_no_figures()
    {
        var c = StampConfig.Load(null);
        Assert.Equal(8L << 30, c.Accelerator!.Dram.Capacity);
        foreach (var v in Cost("llama-3-8b", new InferenceRequest(Prompt: 8192, Decode: 0, Batch: 1024), c))
        {
            Assert.StartsWith("needs ", v.Infeasible);
            Assert.Contains("but dram.capacity is 8 GiB", v.Infeasible);
            Assert.True(v.Footprint.KvCacheBytes > 100L << 30);
            Assert.Null(v.TtftSeconds);
            Assert.Null(v.EnergyJ);
            Assert.Null(v.PrefillEnergyPerTokenJ);
            Assert.Null(v.DramBytes);
        }
        // Without a capacity nothing is checked.
        Assert.All(Cost("stories260K", new InferenceRequest(Prompt: 64, Decode: 1), c with { Accelerator = c.Accelerator with { Dram = c.Accelerator.Dram with { Capacity = null } } }),
            v => Assert.Null(v.Infeasible));
    }

    [Fact]
    public void The_footprint_counts_weights_at_their_bits_the_table_and_the_KV_cache()
    {
        var c = StampConfig.Load(null);
        var a = ArchitectureReader.Load("llama-2-7b");
        var r = new InferenceRequest(Prompt: 1000, Decode: 24);
        var f = ModelCostModel.Evaluate(a, r, c, "edge").First().Footprint;
        long d = 4096, i = 11008, l = 32, v = 32000;
        long weightBits = l * (4 * d * d + 3 * d * i) * c.Numerics.WeightBits + d * v * c.Numerics.UniformBaseline(c.Model.EdgeActBits).WeightBits;
        Assert.Equal(weightBits / 8 + v * d * 2, f.WeightBytes);
        Assert.Equal(l * 1024 * ModelWorkload.KvBytesPerToken(a, c.Model), f.KvCacheBytes);
        Assert.Equal(1000L * i * 2 * 2, f.ActivationBytes);
    }

    [Fact]
    public void A_count_beyond_64_bits_is_refused_not_wrapped()
    {
        var e = Assert.Throws<InputException>(() => Cost("llama-3-8b", new InferenceRequest(Prompt: 10_000_000, Decode: 1)));
        Assert.Contains("64-bit limit", e.Message);
        Assert.StartsWith("--prompt", e.Message);
    }
}
