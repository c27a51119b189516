using System.Text.Json;
using StampSim.Tests.Support;

namespace StampSim.Tests.Commands;

public class EvalCommandTests
{
    private static readonly string[] PaperVariants = ["float32", "w4a4-rtn", "w4a4-stamp", "w4a4-rtn-hadamard", "w4a4-stamp-hadamard", "w4a8"];

    [SkippableFact]
    public void Llama_reports_every_variant_with_finite_perplexity()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        using var dir = new TempDir();
        var r = Harness.Run("eval", "llama", "--model", SharedData.Path("models", "stories260K", "stories260K.bin"),
            "--text", SharedData.Path("data", "text", "tinystories_sample.txt"), "--max-tokens", "600",
            "--set", "numerics.hi_tokens=32", "--json", dir.File("e.json"), "--csv", dir.File("e.csv"));
        Assert.True(r.Code == 0, r.Err);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("e.json")));
        var variants = json.RootElement.GetProperty("variants");
        foreach (var name in PaperVariants.Append("configured"))
        {
            var v = variants.GetProperty(name);
            double ppl = v.GetProperty("perplexity").GetDouble();
            Assert.True(double.IsFinite(ppl) && ppl > 1, $"{name}: {ppl}");
            Assert.Equal(600, v.GetProperty("tokens").GetInt64());
        }
        Assert.Equal(32, variants.GetProperty("configured").GetProperty("numerics").GetProperty("hi_tokens").GetInt32());
        double fp = variants.GetProperty("float32").GetProperty("perplexity").GetDouble();
        Assert.True(variants.GetProperty("w4a4-rtn").GetProperty("perplexity").GetDouble() > fp);
        Assert.Equal(PaperVariants.Length + 2, File.ReadAllLines(dir.File("e.csv")).Length);

        // Progress moves per window (600 tokens = 2 windows of 511 per variant), across all 7 variants, with an ETA;
        // every variant's last window gets its line.
        var progress = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(progress, l => Assert.Matches(@"^window \d+/14 done \([\w-]+\) elapsed \d+s, ETA \S+$", l));
        Assert.StartsWith("window 1/14 done (float32) ", progress[0]);
        foreach (var (name, k) in PaperVariants.Append("configured").Select((n, k) => (n, k)))
            Assert.Contains(progress, l => l.StartsWith($"window {2 * k + 2}/14 done ({name}) ", StringComparison.Ordinal));
        Assert.EndsWith("ETA 0s", progress[^1]);

        // With quantization off the float32 row is exactly a plain float32 forward pass.
        var lm = StampSim.Models.Llama.Llama2cCheckpoint.Load(SharedData.Path("models", "stories260K", "stories260K.bin"));
        var tok = StampSim.Models.Tokenizer.Llama2cTokenizer.Load(SharedData.Path("models", "stories260K", "tok512.bin"), lm.Config.VocabSize);
        var plain = StampSim.Models.Evaluation.Perplexity.Evaluate(lm, tok, File.ReadAllText(SharedData.Path("data", "text", "tinystories_sample.txt")),
            new StampSim.Models.Linear.Float32LinearExecutor(), 600);
        Assert.Equal(plain.Perplexity, fp);
    }

    [SkippableFact]
    public void Vit_reports_agreement_and_sqnr()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        using var dir = new TempDir();
        var r = Harness.Run("eval", "vit", "--model", SharedData.Path("models", "vit-tiny", "model.safetensors"),
            "--images", SharedData.Path("data", "images", "chelsea.png"), "--json", dir.File("v.json"));
        Assert.True(r.Code == 0, r.Err);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("v.json")));
        var variants = json.RootElement.GetProperty("variants");
        Assert.Equal(1.0, variants.GetProperty("float32").GetProperty("top1_agreement").GetDouble());
        Assert.Equal("inf", variants.GetProperty("float32").GetProperty("logit_sqnr_db").GetString());
        // The console says "inf" like every table, never .NET's "Infinity" (or "∞").
        Assert.Contains(r.Lines, l => l.StartsWith("[float32] ", StringComparison.Ordinal) && l.EndsWith(", logit SQNR inf dB", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.TrimStart().StartsWith("float32 ", StringComparison.Ordinal) && l.Contains(" inf "));
        Assert.DoesNotContain("Infinity", r.Out);
        foreach (var name in PaperVariants.Skip(1))
            Assert.True(variants.GetProperty(name).GetProperty("logit_sqnr_db").GetDouble() > 0, name);
    }

    [Fact]
    public void Missing_model_is_a_clean_error()
    {
        var r = Harness.Run("eval", "llama", "--model", "/nonexistent/m.bin", "--text", "/nonexistent/t.txt");
        Assert.Equal(2, r.Code);
        Assert.Contains("/nonexistent/m.bin", r.Err);
    }
}
