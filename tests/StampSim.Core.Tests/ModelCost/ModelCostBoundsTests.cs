using StampSim.Config;
using StampSim.Hardware;
using StampSim.ModelCost;
using StampSim.Tests.Support;

namespace StampSim.Tests.ModelCost;

/// <summary>
/// The whole-model cost against physical bounds computed here from the shipped configs' own bandwidths and
/// array shapes and the published model shapes (issue 23's "done means"), and against LLM-Viewer's roofline
/// formulas (github.com/hahnyuan/LLM-Viewer: per operator, max(OPs / peak, bytes / bandwidth)).
/// </summary>
public class ModelCostBoundsTests
{
    private static StampConfig Shipped(string name) => StampConfig.Load(Path.Combine(SharedData.RepoRoot(), "hwconfigs", name + ".yaml"));

    private static IReadOnlyList<VariantCost> Cost(string preset, InferenceRequest r, StampConfig c) =>
        ModelCostModel.Evaluate(ArchitectureReader.Load(preset), r, c, "hwconfigs");

    /// <summary>MACs per cycle of the array for tokens of <paramref name="bits"/>: an int4 array runs wider tokens at half rate (two passes, or fused pairs of columns).</summary>
    private static double MacsPerCycle(MacArrayConfig mac, int bits) =>
        (double)mac.Rows * mac.Cols / (bits > 4 && mac.Multiplier == MultiplierKind.Int4 ? 2 : 1);

    private static int DecodeBits(StampConfig c, Variant v) => v == Variant.A4 ? c.Numerics.LoBits : v == Variant.A8 ? c.Numerics.HiBits : c.Model.DecodeActBits;

    /// <summary>Stored bytes of every weight of the block linears and the LM head.</summary>
    private static double WeightBytes(ModelArchitecture a, StampConfig c) =>
        (a.Layers * (2.0 * a.Hidden * a.Hidden + 2.0 * a.Hidden * a.KvWidth + 3.0 * a.Hidden * a.Intermediate) + (double)a.Hidden * a.Vocab) * c.Numerics.WeightBits / 8;

    [Theory]
    [InlineData("edge-npu", 1)]
    [InlineData("edge-npu", 8)]
    [InlineData("datacenter", 1)]
    [InlineData("datacenter", 8)]
    public void Tpot_is_within_1_3x_of_the_slowest_of_dram_weight_port_and_MACs(string config, int batch)
    {
        var c = Shipped(config);
        var hw = c.Accelerator!;
        var a = ArchitectureReader.Load("llama-3-8b");
        var r = new InferenceRequest(Batch: batch);
        double hz = hw.ClockGhz * 1e9;
        double weights = WeightBytes(a, c);
        // Each of the B sequences reads its keys and values, S + (T + 1) / 2 positions on average, at kv_bits.
        double kv = batch * a.Layers * (r.Prompt + (r.Decode + 1) / 2.0) * 2.0 * a.KvWidth * c.Model.KvBits / 8;
        double port = (c.MacArray.WeightLoadBandwidth ?? hw.BufferFor(TensorKind.Weights).ReadBandwidth) * hz;
        foreach (var v in Cost("llama-3-8b", r, c))
        {
            double macs = (double)v.Decode!.Macs.Total / r.Decode;
            // On a weight-stationary array the keys and values are the attention matmuls' stationary operand: they enter through the weight port too.
            double bound = Math.Max(Math.Max((weights + kv) / hw.Dram.Bandwidth, (weights + kv) / port), macs / (MacsPerCycle(c.MacArray, DecodeBits(c, v.Variant)) * hz));
            double ratio = v.TpotSeconds!.Value / bound;
            Assert.True(ratio is >= 1 and <= 1.3, $"{config} batch {batch} {v.Variant}: TPOT {v.TpotSeconds * 1e3:0.###} ms is {ratio:0.###}x its bound {bound * 1e3:0.###} ms");
        }
    }

    [Theory]
    [InlineData("edge-npu")]
    [InlineData("datacenter")]
    public void Ttft_lies_between_the_MAC_bound_and_1_2x_MACs_plus_the_vector_unit(string config)
    {
        var c = Shipped(config);
        var mac = c.MacArray;
        double hz = c.Accelerator!.ClockGhz * 1e9;
        var r = new InferenceRequest();
        var vectorClasses = new[] { OperatorClass.Softmax, OperatorClass.Norm, OperatorClass.Rope, OperatorClass.Activation, OperatorClass.Residual };
        foreach (var v in Cost("llama-3-8b", r, c))
        {
            var n = c.Numerics;
            // Block linears: STaMP's first hi_tokens tokens at hi_bits, the rest at lo_bits; attention and the LM head at their policy bits.
            double linearCycles = v.Variant == Variant.Stamp
                ? v.Prefill.Macs.Linear * (n.HiTokens / MacsPerCycle(mac, n.HiBits) + (r.Prompt - n.HiTokens) / MacsPerCycle(mac, n.LoBits)) / r.Prompt
                : v.Prefill.Macs.Linear / MacsPerCycle(mac, v.Variant == Variant.A4 ? n.LoBits : n.HiBits);
            double macBound = (linearCycles + v.Prefill.Macs.Attention / MacsPerCycle(mac, c.Model.AttentionActBits)
                + v.Prefill.Macs.LmHead / MacsPerCycle(mac, c.Model.EdgeActBits)) / hz;
            double vector = vectorClasses.Sum(k => v.Prefill.ByClass.GetValueOrDefault(k)?.Seconds ?? 0);
            Assert.True(v.TtftSeconds >= macBound && v.TtftSeconds <= 1.2 * (macBound + vector),
                $"{config} {v.Variant}: TTFT {v.TtftSeconds:0.###} s, MAC bound {macBound:0.###} s, vector unit {vector:0.###} s");
        }
    }

    [Fact]
    public void Qwen2_5_7b_under_STaMP_is_feasible_on_edge_npu()
    {
        var stamp = Cost("qwen2.5-7b", new InferenceRequest(Decode: 1), Shipped("edge-npu")).Single(v => v.Variant == Variant.Stamp);
        Assert.Null(stamp.Infeasible);
    }

    [Fact]
    public void Llama_2_7b_linears_match_llm_viewer_rooflines_where_one_resource_bounds()
    {
        // LLM-Viewer's roofline per linear: max(2 MACs / (2 x MAC rate), (weights + input + output bytes at a_bit) / DRAM bandwidth),
        // at A4 W4 on edge-npu; prefill linears are compute bound there, decode linears DRAM bound.
        var c = Shipped("edge-npu");
        var hw = c.Accelerator!;
        var a = ArchitectureReader.Load("llama-2-7b");
        var r = new InferenceRequest(Prompt: 2048, Decode: 8);
        double rate = MacsPerCycle(c.MacArray, 4) * hw.ClockGhz * 1e9;
        int[][] linears = [[a.Hidden, a.Hidden], [a.Hidden, a.KvWidth], [a.Hidden, a.KvWidth], [a.Hidden, a.Hidden],
            [a.Hidden, a.Intermediate], [a.Hidden, a.Intermediate], [a.Intermediate, a.Hidden]];
        double Roofline(int tokens, out bool computeBound)
        {
            double compute = 0, memory = 0, time = 0;
            foreach (var l in linears)
            {
                double t = (double)tokens * l[0] * l[1] / rate, m = ((double)l[0] * l[1] + (double)tokens * (l[0] + l[1])) * 4 / 8 / hw.Dram.Bandwidth;
                (compute, memory, time) = (compute + t, memory + m, time + Math.Max(t, m));
            }
            computeBound = compute > memory;
            return time * a.Layers;
        }
        var a4 = Cost("llama-2-7b", r, c).Single(v => v.Variant == Variant.A4);
        double prefill = Roofline(r.Prompt, out bool prefillCompute), decode = Roofline(1, out bool decodeCompute) * r.Decode;
        Assert.True(prefillCompute && !decodeCompute);
        var (p, d) = (a4.Prefill.ByClass[OperatorClass.Linear], a4.Decode!.ByClass[OperatorClass.Linear]);
        // Prefill is on chip (the array, or its output buffer taking a partial sum per column per cycle: LLM-Viewer has no buffers).
        Assert.NotEqual(Bounds.Dram, p.Bound);
        Assert.Equal(Bounds.Dram, d.Bound);
        Assert.InRange(p.Seconds / prefill, 0.9, 1.1);
        Assert.InRange(d.Seconds / decode, 0.9, 1.1);
    }
}
