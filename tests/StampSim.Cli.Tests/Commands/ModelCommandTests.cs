using System.Text.Json.Nodes;
using StampSim.Tests.Support;

namespace StampSim.Tests.Commands;

public class ModelCommandTests
{
    [Fact]
    public void Writes_the_report_folder_and_the_json_with_exact_MACs()
    {
        using var dir = new TempDir();
        string out_ = dir.File("report"), json = dir.File("model.json");
        var r = Harness.Run("model", "--arch", "stories260K", "--prompt", "64", "--decode", "4", "--out", out_, "--json", json,
            "--sweep-prompt", "32,64,128", "--trace", "bundled");
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("edge-npu", r.Out);
        foreach (var f in new[] { "report.md", "report.html", "model.csv", "result.json", "manifest.json", "plots/time_by_class.edge-npu.png", "plots/ttft.edge-npu.svg" })
            Assert.True(File.Exists(Path.Combine(out_, f)), f);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(out_, "manifest.json")))!;
        Assert.Matches("^([0-9a-f]{40}|unknown)$", (string?)manifest["tool"]!["build_commit"]);
        Assert.StartsWith("stampsim model --arch stories260K", (string?)manifest["command"]);
        var doc = JsonNode.Parse(File.ReadAllText(json))!;
        var stamp = doc["configs"]!["edge-npu"]!["variants"]!["stamp"]!;
        foreach (var key in new[] { "ttft_s", "tpot_s", "tokens_per_s", "energy_j", "dram_bytes", "dram_footprint", "prefill", "decode" })
            Assert.NotNull(stamp[key]);
        Assert.NotNull(stamp["prefill"]!["energy_per_token_j"]);
        Assert.NotNull(stamp["decode"]!["energy_per_token_j"]);
        Assert.Null(stamp["energy_per_image_j"]);
        // stories260K: 5 blocks, d 64, MLP 172, 4 KV heads of 8; 64 prompt tokens.
        long linear = 64L * 5 * (2 * 64 * 64 + 2 * 64 * 32 + 3 * 64 * 172);
        var macs = stamp["prefill"]!["macs"]!["linear"]!.AsValue();
        Assert.Equal(System.Text.Json.JsonValueKind.Number, macs.GetValueKind());
        Assert.Equal(linear, macs.GetValue<long>());
        // Every operator class of both phases says what bounds it and how busy its units are; the report and the CSV show both.
        foreach (var phase in new[] { "prefill", "decode" })
            foreach (var (cls, cost) in stamp[phase]!["by_class"]!.AsObject())
            {
                Assert.False(string.IsNullOrEmpty(cost!["bound"]!.GetValue<string>()), $"{phase}.{cls}");
                Assert.InRange(cost["utilization"]!.GetValue<double>(), 0, 1);
            }
        Assert.Equal("vector", stamp["prefill"]!["by_class"]!["softmax"]!["bound"]!.GetValue<string>());
        Assert.Contains("## What bounds each operator class", File.ReadAllText(Path.Combine(out_, "report.md")));
        Assert.EndsWith(",bound,utilization", File.ReadLines(Path.Combine(out_, "model.csv")).First());
        Assert.Equal(3, doc["configs"]!["edge-npu"]!["prompt_sweep"]!.AsArray().Count);
        Assert.NotNull(doc["accuracy"]!["sqnr_db_pooled"]!["stamp"]);
        Assert.Contains("pooled SQNR", r.Out);
    }

    [Fact]
    public void Without_a_trace_accuracy_is_said_to_be_not_evaluated()
    {
        using var dir = new TempDir();
        var r = Harness.Run("model", "--arch", "vit-tiny", "--out", dir.File("r"), "--json", dir.File("m.json"));
        Assert.True(r.Code == 0, r.Err);
        Assert.Equal("accuracy not evaluated (no trace)", (string?)JsonNode.Parse(File.ReadAllText(dir.File("m.json")))!["accuracy"]);
    }

    [Fact]
    public void A_bad_config_json_or_preset_is_exit_2_naming_the_key()
    {
        using var dir = new TempDir();
        string bad = dir.File("config.json");
        File.WriteAllText(bad, """{"model_type": "llama", "hidden_size": 10, "intermediate_size": 16, "num_hidden_layers": 1, "num_attention_heads": 4, "vocab_size": 10}""");
        Harness.AssertBadInput(Harness.Run("model", "--arch", bad, "--out", dir.File("r")), $"{bad}: num_attention_heads: 4 heads do not divide hidden_size 10");
        Harness.AssertBadInput(Harness.Run("model", "--arch", "gpt-5", "--out", dir.File("r")), "--arch: 'gpt-5' is neither a preset");
        Harness.AssertBadInput(Harness.Run("model", "--arch", "stories260K", "--sweep-prompt", "64,x", "--out", dir.File("r")), "--sweep-prompt: 'x' is not a positive whole number");
        Assert.False(Directory.Exists(dir.File("r")));
    }

    [Fact]
    public void A_prompt_beyond_max_position_embeddings_is_exit_2_unless_asked_for()
    {
        using var dir = new TempDir();
        Harness.AssertBadInput(Harness.Run("model", "--arch", "stories260K", "--prompt", "500", "--decode", "13", "--out", dir.File("r")),
            "--prompt/--decode: 500 prompt + 13 generated tokens exceed stories260K's max_position_embeddings 512");
        Harness.AssertBadInput(Harness.Run("model", "--arch", "stories260K", "--prompt", "64", "--decode", "4", "--sweep-prompt", "64,1024", "--out", dir.File("r")),
            "--sweep-prompt: 1024 prompt + 4 generated tokens exceed");
        Assert.False(Directory.Exists(dir.File("r")));
        var r = Harness.Run("model", "--arch", "stories260K", "--prompt", "600", "--decode", "1", "--beyond-max-positions", "--out", dir.File("ok"));
        Assert.True(r.Code == 0, r.Err);
    }

    [Fact]
    public void A_prompt_whose_counts_pass_64_bits_is_exit_2_naming_the_limit()
    {
        using var dir = new TempDir();
        Harness.AssertBadInput(Harness.Run("model", "--arch", "llama-3-8b", "--prompt", "10000000", "--decode", "0", "--beyond-max-positions", "--out", dir.File("r")),
            "--prompt/--decode/--batch: 10000000 prompt tokens, 0 generated, batch 1: a count of llama-3-8b exceeds the 64-bit limit");
    }

    [Fact]
    public void A_trace_of_another_model_is_exit_2_naming_both()
    {
        using var dir = new TempDir();
        Harness.AssertBadInput(Harness.Run("model", "--arch", "llama-3-8b", "--prompt", "64", "--decode", "1", "--trace", "bundled", "--out", dir.File("r")),
            "--trace: bundled trace (stories260K-tinystories-512.safetensors) (model 'stories260K') does not match --arch llama-3-8b: its layer");
    }

    [Fact]
    public void An_infeasible_variant_prints_its_reason_and_has_null_figures()
    {
        using var dir = new TempDir();
        var r = Harness.Run("model", "--arch", "llama-3-8b", "--prompt", "8000", "--decode", "1", "--batch", "1024", "--out", dir.File("r"), "--json", dir.File("m.json"));
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("infeasible: needs", r.Out);
        Assert.Contains("but dram.capacity is 8 GiB", r.Out);
        var stamp = JsonNode.Parse(File.ReadAllText(dir.File("m.json")))!["configs"]!["edge-npu"]!["variants"]!["stamp"]!;
        foreach (var key in new[] { "ttft_s", "tpot_s", "tokens_per_s", "energy_j", "dram_bytes" })
            Assert.Null(stamp[key]);
        Assert.Null(stamp["decode"]!["energy_per_token_j"]);
        Assert.Contains("infeasible: needs", File.ReadAllText(Path.Combine(dir.File("r"), "report.md")));
    }

    [Fact]
    public void Compare_reads_two_model_reports_and_refuses_a_run_report_against_one()
    {
        using var dir = new TempDir();
        Assert.Equal(0, Harness.Run("model", "--arch", "stories260K", "--prompt", "64", "--decode", "1", "--out", dir.File("a")).Code);
        Assert.Equal(0, Harness.Run("model", "--arch", "stories260K", "--prompt", "128", "--decode", "1", "--out", dir.File("b")).Code);
        var r = Harness.Run("compare", dir.File("a"), dir.File("b"));
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("model: changed: stories260K: prompt 64, decode 1, batch 1, steps 20 -> stories260K: prompt 128", r.Out);
        Assert.Matches(@"edge-npu\s+stamp\s+ttft_s\s+\S+\s+\S+\s+\d\.\d{4}", r.Out);
        Assert.Equal(0, Harness.Run("run", "--layers", "layers.0.attention.wq", "--out", dir.File("run")).Code);
        Harness.AssertBadInput(Harness.Run("compare", dir.File("run"), dir.File("a")), $"{dir.File("run")}: a run report; compare needs two run reports or two model reports, not one of each");
    }
}
