using StampSim.Config;
using StampSim.ModelCost;
using StampSim.Numerics;
using StampSim.Tests.Support;

namespace StampSim.Tests.ModelCost;

public class MoeFamilyTests
{
    private static readonly ModelPolicy Policy = new();

    private static long Linear(IEnumerable<ModelOperator> ops) => ops.Where(o => o.Class is not (OperatorClass.Attention or OperatorClass.LmHead)).Sum(o => o.Macs);

    private static StampConfig Shipped(string name) => StampConfig.Load(Path.Combine(SharedData.RepoRoot(), "hwconfigs", name + ".yaml"));

    [Fact]
    public void Mixtral_8x7b_top2_MACs_are_exact_in_both_phases()
    {
        var a = ArchitectureReader.Load("mixtral-8x7b");
        // Published shape (mistralai/Mixtral-8x7B-v0.1 config.json): d 4096, 32 blocks, 32 heads / 8 KV, 8 experts of 14336, top-2.
        const long d = 4096, l = 32, kv = 8 * 128, experts = 8, top = 2, i = 14336;
        Assert.Equal("moe", a.Family.Name);
        var r = new InferenceRequest(Prompt: 500, Decode: 3, Batch: 2);
        long perToken = l * (2 * d * d + 2 * d * kv + d * experts + top * 3 * d * i);
        Assert.Equal(r.Batch * r.Prompt * perToken, Linear(ModelWorkload.Prefill(a, r, Policy)));
        Assert.Equal(r.Batch * r.Decode * perToken, Linear(ModelWorkload.Decode(a, r, Policy)));
    }

    [Fact]
    public void At_batch_1_a_decode_step_reads_only_the_routed_experts_and_prefill_all_of_them()
    {
        var a = ArchitectureReader.Load("mixtral-8x7b");
        var r = new InferenceRequest(Prompt: 64, Decode: 5);
        var decode = ModelWorkload.Decode(a, r, Policy).Single(o => o.Name == "expert_up");
        Assert.Equal(32L * 5 * 2, decode.Count); // blocks x steps x top-2
        Assert.Equal(1, decode.Gemm!.Tokens);
        var prefill = ModelWorkload.Prefill(a, r, Policy).Single(o => o.Name == "expert_up");
        Assert.Equal(32L * 8, prefill.Count); // 64 tokens x top-2 touch all 8 experts, 16 tokens each
        Assert.Equal(16, prefill.Gemm!.Tokens);
    }

    [Fact]
    public void MoE_decode_is_never_faster_than_reading_the_routed_experts()
    {
        var a = ArchitectureReader.Load("mixtral-8x7b");
        var c = Shipped("datacenter");
        var r = new InferenceRequest(Prompt: 256, Decode: 4);
        foreach (var v in ModelCostModel.Evaluate(a, r, c, "datacenter"))
        {
            Assert.Null(v.Infeasible);
            double expertBytes = 32.0 * 2 * 3 * 4096 * 14336 * c.Numerics.WeightBits / 8;
            Assert.True(v.TpotSeconds >= expertBytes / c.Accelerator!.Dram.Bandwidth, $"{v.Variant}: TPOT {v.TpotSeconds} below the routed experts' bytes / bandwidth");
        }
    }

    [Fact]
    public void Mixtral_does_not_fit_the_edge_NPU_and_says_why()
    {
        var v = ModelCostModel.Evaluate(ArchitectureReader.Load("mixtral-8x7b"), new InferenceRequest(Prompt: 64, Decode: 1), Shipped("edge-npu"), "edge-npu").First();
        Assert.Contains("dram.capacity is 8 GiB", v.Infeasible);
        Assert.Null(v.TtftSeconds);
    }

    [Fact]
    public void Qwen1_5_MoE_counts_router_routed_and_gated_shared_experts()
    {
        var a = ArchitectureReader.Load("qwen1.5-moe-a2.7b");
        // Qwen/Qwen1.5-MoE-A2.7B config.json: d 2048, 24 blocks, 16 heads (= KV heads), 60 experts of 1408, top-4, shared expert 5632 with a gate.
        const long d = 2048, l = 24, experts = 60, top = 4, ie = 1408, shared = 5632;
        var r = new InferenceRequest(Prompt: 100, Decode: 2);
        long perToken = l * (4 * d * d + d * experts + top * 3 * d * ie + 3 * d * shared + d);
        Assert.Equal(r.Prompt * perToken, Linear(ModelWorkload.Prefill(a, r, Policy)));
        Assert.Equal(r.Decode * perToken, Linear(ModelWorkload.Decode(a, r, Policy)));
    }

    [Fact]
    public void DeepSeek_style_first_blocks_are_dense_and_shared_experts_run_on_every_token()
    {
        var a = ArchitectureReader.Parse("""
            {"model_type": "deepseek", "hidden_size": 16, "intermediate_size": 32, "num_hidden_layers": 3, "num_attention_heads": 2,
             "vocab_size": 10, "n_routed_experts": 4, "num_experts_per_tok": 2, "moe_intermediate_size": 8, "n_shared_experts": 2,
             "first_k_dense_replace": 1, "moe_layer_freq": 1}
            """, "ds.json", "ds");
        Assert.Equal(2, a.Moe!.MoeLayers);
        const long d = 16, s = 10;
        long attention = 3 * 4 * d * d, dense = 1 * 3 * d * 32, moe = 2 * (d * 4 + 2 * 3 * d * 8 + 3 * d * 16);
        Assert.Equal(s * (attention + dense + moe), Linear(ModelWorkload.Prefill(a, new InferenceRequest(Prompt: (int)s, Decode: 0), Policy)));
    }

    [Fact]
    public void Top_k_beyond_the_experts_is_refused_naming_the_key()
    {
        var e = Assert.Throws<InputException>(() => ArchitectureReader.Parse("""
            {"model_type": "mixtral", "hidden_size": 16, "intermediate_size": 32, "num_hidden_layers": 1, "num_attention_heads": 2,
             "vocab_size": 10, "num_local_experts": 2, "num_experts_per_tok": 3}
            """, "m.json", "m"));
        Assert.StartsWith("m.json: num_experts_per_tok:", e.Message);
    }
}
