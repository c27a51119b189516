using StampSim.Models.Evaluation;
using StampSim.Models.Linear;
using StampSim.Tests.Support;
using Xunit.Abstractions;

namespace StampSim.Tests.Evaluation;

[Collection(ModelsCollection.Name)]
public sealed class PerplexityTests(SharedModels models, ITestOutputHelper output)
{
    private static string Text(string file) => File.ReadAllText(SharedModels.TextPath(file));

    [Fact]
    public void Float32TinyStoriesPerplexityIsSmall()
    {
        if (SharedModels.Unavailable(output)) return;
        var r = Perplexity.Evaluate(models.Llama!, models.Tokenizer!, Text("tinystories_sample.txt"), new Float32LinearExecutor());
        output.WriteLine($"float32 TinyStories sample: {r}");
        Assert.Equal(1882, r.TokensScored);
        Assert.Equal(4, r.Windows);
        Assert.InRange(r.Perplexity, 3, 12);
    }

    [Fact]
    public void Float32WikiTextPerplexityIsLargerButFinite()
    {
        if (SharedModels.Unavailable(output)) return;
        var r = Perplexity.Evaluate(models.Llama!, models.Tokenizer!, Text("wikitext2_test_raw.txt"), new Float32LinearExecutor(), maxTokens: 2000);
        output.WriteLine($"float32 WikiText-2 (first 2000 tokens): {r}");
        Assert.Equal((2000L, 4), (r.TokensScored, r.Windows));
        Assert.InRange(r.Perplexity, 30, 1000);
    }

    [Fact]
    public void W4A4StampPerplexityIsFinite()
    {
        if (SharedModels.Unavailable(output)) return;
        var variants = ComparisonSet.PaperDefaults();
        var text = Text("tinystories_sample.txt");
        var float32 = Perplexity.Evaluate(models.Llama!, models.Tokenizer!, text, new Float32LinearExecutor(), maxTokens: 511);
        var stamp = Perplexity.Evaluate(models.Llama!, models.Tokenizer!, text, variants.Single(v => v.Name == "w4a4-stamp").CreateExecutor(), maxTokens: 511);
        output.WriteLine($"TinyStories, one 512-token window: float32 {float32.Perplexity:F3}, W4A4+STaMP {stamp.Perplexity:F3}");
        Assert.True(double.IsFinite(stamp.Perplexity));
        Assert.InRange(stamp.Perplexity, float32.Perplexity * 0.9, float32.Perplexity * 10);
    }

    [Fact]
    public void EmptyTextIsAnInputError()
    {
        if (SharedModels.Unavailable(output)) return;
        Assert.Throws<InputException>(() => Perplexity.Evaluate(models.Llama!, models.Tokenizer!, "", new Float32LinearExecutor()));
    }

    [Fact]
    public void CrossEntropyIsTheNegativeLogSoftmax()
    {
        float[] logits = [1f, 2f, 3f];
        double expected = -Math.Log(Math.Exp(2) / (Math.Exp(1) + Math.Exp(2) + Math.Exp(3)));
        Assert.Equal(expected, Perplexity.CrossEntropy(logits, 1), 1e-14);
    }
}
