using StampSim.ModelCost;
using StampSim.Numerics;
using StampSim.Tests.Support;

namespace StampSim.Tests.ModelCost;

/// <summary>head_dim, sliding_window, max_position_embeddings, a BOM and a model folder, from hand-written config.json files.</summary>
public class ConfigCoverageTests
{
    private static readonly ModelPolicy Policy = new();

    private static long Sum(IEnumerable<ModelOperator> ops, Func<ModelOperator, bool> which) => ops.Where(which).Sum(o => o.Macs);

    private static bool IsLinear(ModelOperator o) => o.Class is not (OperatorClass.Attention or OperatorClass.LmHead);

    // Mistral-NeMo-12B's shape: hidden 5120, 32 heads of head_dim 128 (not 5120 / 32 = 160), 8 KV heads.
    private const string Nemo = """
        {"model_type": "mistral", "hidden_size": 5120, "intermediate_size": 14336, "num_hidden_layers": 40, "num_attention_heads": 32,
         "num_key_value_heads": 8, "head_dim": 128, "vocab_size": 131072, "max_position_embeddings": 1024000, "sliding_window": null}
        """;

    [Fact]
    public void Head_dim_sets_the_width_of_q_o_k_v_and_attention()
    {
        var a = ArchitectureReader.Parse(Nemo, "nemo.json", "nemo");
        Assert.Equal(128, a.HeadDim);
        var r = new InferenceRequest(Prompt: 2048, Decode: 3);
        long d = 5120, q = 32 * 128, kv = 8 * 128, i = 14336, l = 40, s = 2048;
        long perToken = l * (d * q + 2 * d * kv + q * d + 3 * d * i);
        var prefill = ModelWorkload.Prefill(a, r, Policy);
        Assert.Equal(s * perToken, Sum(prefill, IsLinear));
        Assert.Equal(22_333_829_939_200L, s * perToken); // 2.23e13, not the 2.34e13 of head_dim 160
        Assert.Equal(2 * l * 32 * 128 * (s * (s + 1) / 2), Sum(prefill, o => o.Class == OperatorClass.Attention));
    }

    [Fact]
    public void Heads_that_do_not_divide_hidden_are_fine_with_head_dim()
    {
        var a = ArchitectureReader.Parse("""{"model_type": "qwen3", "hidden_size": 10, "intermediate_size": 16, "num_hidden_layers": 1, "num_attention_heads": 4, "head_dim": 8, "vocab_size": 10}""", "q3.json", "q3");
        Assert.Equal((8, 32), (a.HeadDim, a.QWidth));
    }

    // Mistral-7B-v0.1: every block attends to the last 4096 keys.
    private const string Mistral = """
        {"model_type": "mistral", "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32, "num_attention_heads": 32,
         "num_key_value_heads": 8, "vocab_size": 32000, "max_position_embeddings": 32768, "sliding_window": 4096}
        """;

    [Fact]
    public void Sliding_window_limits_the_attention_pairs_and_the_decode_keys()
    {
        var a = ArchitectureReader.Parse(Mistral, "mistral.json", "mistral-7b");
        Assert.Equal((4096, 32), (a.SlidingWindow, a.WindowedLayers));
        const long s = 8192, w = 4096, l = 32, heads = 32, hd = 128;
        var r = new InferenceRequest(Prompt: (int)s, Decode: 5);
        // Query i attends to min(i + 1, w) keys.
        long pairs = 0;
        for (long i = 0; i < s; i++) pairs += Math.Min(i + 1, w);
        Assert.Equal(w * (w + 1) / 2 + (s - w) * w, pairs);
        Assert.Equal(2 * l * heads * hd * pairs, Sum(ModelWorkload.Prefill(a, r, Policy), o => o.Class == OperatorClass.Attention));
        // Each decode step past the window attends to w keys.
        Assert.Equal(2 * l * heads * hd * w * r.Decode, Sum(ModelWorkload.Decode(a, r, Policy), o => o.Class == OperatorClass.Attention));
        // Short prompts inside the window are full causal attention.
        var shortR = new InferenceRequest(Prompt: 100, Decode: 1);
        Assert.Equal(2 * l * heads * hd * (100 * 101 / 2), Sum(ModelWorkload.Prefill(a, shortR, Policy), o => o.Class == OperatorClass.Attention));
    }

    [Fact]
    public void Sliding_window_bounds_the_KV_cache()
    {
        var a = ArchitectureReader.Parse(Mistral, "mistral.json", "mistral-7b");
        var full = ArchitectureReader.Parse(Mistral.Replace("\"sliding_window\": 4096", "\"sliding_window\": null"), "m.json", "m");
        Assert.Equal(0, full.SlidingWindow);
        var config = StampSim.Config.StampConfig.Load(null);
        var r = new InferenceRequest(Prompt: 16000, Decode: 100);
        long perToken = ModelWorkload.KvBytesPerToken(a, config.Model);
        var windowed = ModelCostModel.Evaluate(a, r, config, "edge").First().Footprint.KvCacheBytes;
        var unbounded = ModelCostModel.Evaluate(full, r, config, "edge").First().Footprint.KvCacheBytes;
        Assert.Equal(32 * 4096 * perToken, windowed);
        Assert.Equal(32 * 16100L * perToken, unbounded);
    }

    [Fact]
    public void Qwen2_sliding_window_applies_only_with_use_sliding_window_and_from_max_window_layers()
    {
        const string qwen = """
            {"model_type": "qwen2", "hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 8, "num_attention_heads": 4,
             "num_key_value_heads": 2, "vocab_size": 100, "sliding_window": 16, "use_sliding_window": USE, "max_window_layers": 6}
            """;
        Assert.Equal(0, ArchitectureReader.Parse(qwen.Replace("USE", "false"), "q.json", "q").SlidingWindow);
        var on = ArchitectureReader.Parse(qwen.Replace("USE", "true"), "q.json", "q");
        Assert.Equal((16, 2), (on.SlidingWindow, on.WindowedLayers));
        long s = 40, hd = 16;
        long expected = 2 * 4 * hd * (6 * (s * (s + 1) / 2) + 2 * (16 * 17 / 2 + (s - 16) * 16));
        Assert.Equal(expected, Sum(ModelWorkload.Prefill(on, new InferenceRequest(Prompt: (int)s, Decode: 0), Policy), o => o.Class == OperatorClass.Attention));
    }

    [Fact]
    public void Max_positions_are_read_and_a_longer_request_is_refused_naming_them()
    {
        var a = ArchitectureReader.Parse(Mistral, "mistral.json", "mistral-7b");
        Assert.Equal(32768, a.MaxPositions);
        new InferenceRequest(Prompt: 32000, Decode: 768).CheckContext(a, "--prompt/--decode");
        var e = Assert.Throws<InputException>(() => new InferenceRequest(Prompt: 32000, Decode: 769).CheckContext(a, "--prompt/--decode"));
        Assert.Contains("max_position_embeddings 32768", e.Message);
    }

    [Fact]
    public void A_model_folder_and_a_byte_order_mark_are_accepted()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("config.json"), [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Nemo)]);
        var a = ArchitectureReader.Load(dir.Root);
        Assert.Equal((5120, 128), (a.Hidden, a.HeadDim));
        using var empty = new TempDir();
        Assert.Contains("holds no config.json", Assert.Throws<InputException>(() => ArchitectureReader.Load(empty.Root)).Message);
    }
}
