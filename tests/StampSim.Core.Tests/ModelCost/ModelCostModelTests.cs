using StampSim.Config;
using StampSim.ModelCost;
using StampSim.Hardware;

namespace StampSim.Tests.ModelCost;

public class ModelCostModelTests
{
    private static StampConfig Edge(params string[] sets) => StampConfig.Load(null, sets);

    private static IReadOnlyList<VariantCost> Cost(string preset, InferenceRequest r, StampConfig c) =>
        ModelCostModel.Evaluate(ArchitectureReader.Load(preset), r, c, "edge-npu.yaml");

    [Fact]
    public void Decode_is_never_faster_than_streaming_the_weights_and_close_to_it_when_memory_bound()
    {
        var r = new InferenceRequest(Prompt: 64, Decode: 4);
        var a = ArchitectureReader.Load("llama-2-7b");
        // Every weight of the block linears and the LM head at 4 bits crosses the DRAM interface once per token.
        double weightBytes = a.Layers * (4.0 * a.Hidden * a.Hidden + 3.0 * a.Hidden * a.Intermediate) / 2 + (double)a.Hidden * a.Vocab / 2;
        foreach (string bandwidth in new[] { "25.6 GB/s", "0.2 GB/s" })
        {
            var c = Edge($"dram.bandwidth={bandwidth}");
            var stamp = Cost("llama-2-7b", r, c).Single(v => v.Variant == Variant.Stamp);
            double bound = weightBytes / c.Accelerator!.Dram.Bandwidth;
            Assert.True(stamp.TpotSeconds >= bound, $"{bandwidth}: TPOT {stamp.TpotSeconds} below the weight-streaming bound {bound}");
            if (bandwidth == "0.2 GB/s")
                Assert.InRange(stamp.TpotSeconds!.Value / bound, 1.0, 1.15);
        }
    }

    [Fact]
    public void Prefill_is_never_faster_than_the_array_peak()
    {
        var c = Edge();
        var mac = c.MacArray;
        foreach (var v in Cost("llama-3-8b", new InferenceRequest(Prompt: 512, Decode: 1), c))
        {
            double peak = (double)mac.Rows * mac.Cols * c.Accelerator!.ClockGhz * 1e9;
            Assert.True(v.Prefill.Seconds >= v.Prefill.Macs.Total / peak, $"{v.Variant}: prefill faster than the MAC array's peak");
        }
    }

    [Fact]
    public void STaMP_decode_falls_back_to_the_configured_per_token_bits()
    {
        var r = new InferenceRequest(Prompt: 64, Decode: 2);
        var a8 = Cost("stories260K", r, Edge());
        var a4 = Cost("stories260K", r, Edge("model.decode_act_bits=4"));
        Assert.Contains("A8 per token", a8[0].DecodeNumerics);
        Assert.Contains("A4 per token", a4[0].DecodeNumerics);
        // STaMP's decode is A8's with the default policy, A4's with decode_act_bits: 4.
        Assert.Equal(a8.Single(v => v.Variant == Variant.A8).Decode!.Seconds, a8[0].Decode!.Seconds);
        Assert.Equal(a4.Single(v => v.Variant == Variant.A4).Decode!.Seconds, a4[0].Decode!.Seconds);
    }

    [Fact]
    public void MACs_do_not_depend_on_the_numerics()
    {
        var variants = Cost("qwen2.5-7b", new InferenceRequest(Prompt: 128, Decode: 3), Edge());
        Assert.Single(variants.Select(v => v.Prefill.Macs).Distinct());
        Assert.Single(variants.Select(v => v.Decode!.Macs).Distinct());
    }

    [Fact]
    public void A_config_without_a_vector_unit_or_with_a_bad_model_key_is_refused()
    {
        var noVector = StampConfig.Load(null) with { Accelerator = StampConfig.Load(null).Accelerator! with { VectorUnit = null } };
        var e = Assert.Throws<InputException>(() => Cost("stories260K", new InferenceRequest(), noVector));
        Assert.Contains("vector_unit: missing", e.Message);
        Assert.Throws<InputException>(() => Edge("model.decode_act_bits=6"));
        var typo = Assert.Throws<InputException>(() => Edge("model.kv_bit=4"));
        Assert.Contains("kv_bits", typo.Message);
    }

    [Fact]
    public void An_operator_the_design_cannot_run_makes_its_variant_infeasible_with_the_reason()
    {
        // A DWT buffer of 16 bytes cannot hold one Haar block of one feature: STaMP's first linear cannot run, A8 needs no transform.
        var variants = Cost("qwen2.5-7b", new InferenceRequest(Prompt: 2048, Decode: 1), Edge("dwt_unit.buffer=16"));
        Assert.StartsWith("q (", variants.Single(v => v.Variant == Variant.Stamp).Infeasible);
        Assert.Contains("dwt_unit.buffer", variants.Single(v => v.Variant == Variant.Stamp).Infeasible);
        Assert.Null(variants.Single(v => v.Variant == Variant.A8).Infeasible);
    }
}
