using StampSim.ModelCost;
using StampSim.Numerics;

namespace StampSim.Tests.ModelCost;

public class ModelWorkloadTests
{
    private static readonly ModelPolicy Policy = new();

    private static MacCounts Count(IReadOnlyList<ModelOperator> ops) => new(
        ops.Where(o => o.Class is not (OperatorClass.Attention or OperatorClass.LmHead)).Sum(o => o.Macs),
        ops.Where(o => o.Class == OperatorClass.Attention).Sum(o => o.Macs),
        ops.Where(o => o.Class == OperatorClass.LmHead).Sum(o => o.Macs));

    public static TheoryData<string> Decoders => ["llama-3-8b", "llama-2-7b", "qwen2.5-7b", "stories260K"];

    [Theory]
    [MemberData(nameof(Decoders))]
    public void Decoder_MACs_match_the_closed_form_in_both_phases(string preset)
    {
        var a = ArchitectureReader.Load(preset);
        var r = new InferenceRequest(Prompt: 300, Decode: 7, Batch: 2);
        long d = a.Hidden, i = a.Intermediate, kv = (long)a.KvHeads * (d / a.Heads), l = a.Layers, b = r.Batch, s = r.Prompt, hd = d / a.Heads;
        long perToken = l * (2 * d * d + 2 * d * kv + 3 * d * i);
        Assert.Equal(new MacCounts(b * s * perToken, 2 * l * b * a.Heads * hd * (s * (s + 1) / 2), b * d * a.Vocab),
            Count(ModelWorkload.Prefill(a, r, Policy)));
        long keys = 0;
        for (long p = s; p < s + r.Decode; p++) keys += p + 1;
        Assert.Equal(new MacCounts(b * r.Decode * perToken, 2 * l * b * a.Heads * hd * keys, r.Decode * b * d * a.Vocab),
            Count(ModelWorkload.Decode(a, r, Policy)));
        // All logits in prefill: the LM head runs on every prompt token.
        Assert.Equal(b * s * d * a.Vocab, Count(ModelWorkload.Prefill(a, r with { LogitsAll = true }, Policy)).LmHead);
    }

    [Fact]
    public void Llama_3_8B_has_its_published_shape()
    {
        var a = ArchitectureReader.Load("llama-3-8b");
        Assert.Equal((4096, 14336, 32, 32, 8, 128256), (a.Hidden, a.Intermediate, a.Layers, a.Heads, a.KvHeads, a.Vocab));
        var q = ArchitectureReader.Load("qwen2.5-7b");
        Assert.Equal((3584, 18944, 28, 28, 4, 152064, true), (q.Hidden, q.Intermediate, q.Layers, q.Heads, q.KvHeads, q.Vocab, q.QkvBias));
        var l2 = ArchitectureReader.Load("llama-2-7b");
        Assert.Equal((4096, 11008, 32, 32, 32, 32000), (l2.Hidden, l2.Intermediate, l2.Layers, l2.Heads, l2.KvHeads, l2.Vocab));
    }

    [Theory]
    [InlineData("vit-b-16", 768, 3072, 12, 12, 197)]
    [InlineData("vit-tiny", 192, 768, 12, 3, 197)]
    public void ViT_MACs_match_the_closed_form(string preset, int d, int i, int l, int heads, int n)
    {
        var a = ArchitectureReader.Load(preset);
        Assert.Equal((d, i, l, heads, n), (a.Hidden, a.Intermediate, a.Layers, a.Heads, a.Tokens));
        var r = new InferenceRequest(Batch: 3);
        long b = r.Batch, hd = d / heads;
        long linear = b * (long)l * n * (4L * d * d + 2L * d * i) + b * (n - 1L) * (3 * 16 * 16) * d;
        Assert.Equal(new MacCounts(linear, 2 * b * l * heads * hd * (long)n * n, b * d * a.Vocab), Count(ModelWorkload.Prefill(a, r, Policy)));
        Assert.Empty(ModelWorkload.Decode(a, r, Policy));
    }

    [Fact]
    public void PixArt_MACs_match_the_closed_form()
    {
        var a = ArchitectureReader.Load("pixart-sigma-xl-2-1024");
        Assert.Equal((1152, 28, 16, 4096, 300, 4608), (a.Hidden, a.Layers, a.Heads, a.Tokens, a.TextTokens, a.Intermediate));
        var r = new InferenceRequest(Batch: 1, Steps: 4);
        long d = 1152, n = 4096, t = 300, l = 28, steps = 4, hd = d / 16, i = 4608;
        long perStepBlocks = l * (n * 4 * d * d + (n * d * d * 2 + t * d * d * 2) + n * 2 * d * i);
        long perStepEdges = 256 * d + d * d + d * 6 * d + n * (4 * 2 * 2) * d;
        long captions = t * 4096 * d + t * d * d;
        long attention = steps * l * 16 * hd * 2 * (n * n + n * t);
        Assert.Equal(new MacCounts(steps * (perStepBlocks + perStepEdges) + captions, attention, steps * n * d * (8 * 2 * 2)),
            Count(ModelWorkload.Prefill(a, r, Policy)));
    }

    [Fact]
    public void A_one_block_model_by_hand()
    {
        // 1 block, d = 8, 2 heads of 4, 1 KV head, MLP 16, vocabulary 10; prompt 4, decode 2.
        var a = ArchitectureReader.Parse("""
            {"model_type": "llama", "hidden_size": 8, "intermediate_size": 16, "num_hidden_layers": 1,
             "num_attention_heads": 2, "num_key_value_heads": 1, "vocab_size": 10}
            """, "tiny.json", "tiny");
        var r = new InferenceRequest(Prompt: 4, Decode: 2);
        // Prefill: q 4*8*8 = 256, k and v 4*8*4 = 128 each, o 256, gate/up/down 4*8*16 = 512 each: 2304.
        // Attention: 2 heads * 4 * (1+2+3+4 = 10 pairs) = 80 for QK^T and 80 for PV. LM head on the last token: 8*10.
        Assert.Equal(new MacCounts(2304, 160, 80), Count(ModelWorkload.Prefill(a, r, Policy)));
        // Decode at positions 4 and 5: 576 linear MACs per token; attention 2*4*(5+6) twice; LM head 80 per token.
        Assert.Equal(new MacCounts(1152, 176, 160), Count(ModelWorkload.Decode(a, r, Policy)));
        // KV cache: per token and layer, keys and values of 4 values at 4 bits (2 B each) and one 16-bit scale each: 8 B.
        Assert.Equal(8, ModelWorkload.KvBytesPerToken(a, Policy));
        var softmax = ModelWorkload.Prefill(a, r, Policy).Single(o => o.Class == OperatorClass.Softmax);
        Assert.Equal(2 * 10, softmax.Elements);
    }

    [Theory]
    [InlineData("""{"model_type": "llama", "intermediate_size": 16, "num_hidden_layers": 1, "num_attention_heads": 2, "vocab_size": 10}""", "tiny.json: hidden_size: missing required key")]
    [InlineData("""{"model_type": "llama", "hidden_size": 10, "intermediate_size": 16, "num_hidden_layers": 1, "num_attention_heads": 4, "vocab_size": 10}""", "tiny.json: num_attention_heads: 4 heads do not divide hidden_size 10")]
    [InlineData("""{"model_type": "llama", "hidden_size": 8, "intermediate_size": 16, "num_hidden_layers": 1, "num_attention_heads": 4, "num_key_value_heads": 3, "vocab_size": 10}""", "tiny.json: num_key_value_heads: 3 KV heads do not divide 4 attention heads")]
    [InlineData("""{"model_type": "gpt2", "hidden_size": 8}""", "tiny.json: model_type: 'gpt2' is not supported")]
    [InlineData("""{"model_type": "llama", "hidden_size": "big", "intermediate_size": 16, "num_hidden_layers": 1, "num_attention_heads": 2, "vocab_size": 10}""", "tiny.json: hidden_size: expected an integer")]
    [InlineData("""{"model_type": "llama", """, "tiny.json: not valid JSON")]
    public void A_bad_config_json_names_the_key(string json, string message)
    {
        var e = Assert.Throws<InputException>(() => ArchitectureReader.Parse(json, "tiny.json", "tiny"));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Batched_prefill_shares_each_weight_read_and_keeps_attention_per_sequence()
    {
        var a = ArchitectureReader.Load("llama-3-8b");
        var ops = ModelWorkload.Prefill(a, new InferenceRequest(Prompt: 128, Decode: 0, Batch: 4), Policy);
        Assert.All(ops.Where(o => o.Class is OperatorClass.Linear or OperatorClass.LmHead), o => Assert.Equal(o.Class == OperatorClass.Linear ? a.Layers : 1, o.Count));
        Assert.Equal(4 * 128, ops.Single(o => o.Name == "q").Gemm!.Tokens);
        Assert.Equal(4, ops.Single(o => o.Name == "lm_head").Gemm!.Tokens);
        Assert.Equal(128, ops.Single(o => o.Name == "qk").Gemm!.Outputs);
        Assert.Equal((long)a.Layers * 4 * a.KvHeads, ops.Single(o => o.Name == "qk").Count);
    }
}
