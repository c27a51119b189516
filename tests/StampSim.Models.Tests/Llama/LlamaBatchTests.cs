using StampSim.Models.Evaluation;
using StampSim.Models.Linear;
using StampSim.Models.Tokenizer;
using StampSim.Numerics;
using StampSim.Tests.Support;

namespace StampSim.Tests.Llama;

/// <summary>A batch of sequences through the LM gives each sequence's logits bit for bit as when it runs alone.</summary>
[Collection(ModelsCollection.Name)]
public sealed class LlamaBatchTests(SharedModels models)
{
    // STaMP along each sequence with its high-precision tokens, every linear quantized (the LM head too): a
    // transform, bit allocation or attention reaching across sequences would change the logits.
    private static QuantizedLinearExecutor Stamp() => new(new NumericsConfig { HiTokens = 16 }, options: new QuantizedExecutorOptions { QuantizeOutsideBlocks = true });

    [SkippableFact]
    public void A_batch_of_ragged_sequences_gives_the_logits_of_each_alone_with_one_call_per_linear()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var lm = models.Llama!;
        var text = models.Tokenizer!.Encode(File.ReadAllText(SharedModels.TextPath("tinystories_sample.txt")), bos: true, eos: false);
        // Ragged: the whole context, a shorter window from elsewhere in the text, and a short one.
        int[][] sequences = [text[..lm.Config.SeqLen], text[600..900], text[1000..1037]];
        var counting = new SequenceCountingExecutor(Stamp());
        var batched = lm.Forward(sequences, counting);
        Assert.All(counting.Sequences, count => Assert.Equal(sequences.Length, count));
        Assert.Equal(lm.Config.Layers * 7 + 1, counting.Sequences.Count);
        for (int i = 0; i < sequences.Length; i++)
            TestData.AssertBitsEqual(lm.Forward(sequences[i], Stamp()).Span, batched[i].Span, $"sequence {i}");
    }

    [SkippableFact]
    public void Perplexity_over_several_batches_of_windows_is_the_window_by_window_value()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var lm = models.Llama!;
        var tokens = models.Tokenizer!.Encode(File.ReadAllText(SharedModels.TextPath("wikitext2_test_raw.txt")), bos: false, eos: false);
        int window = lm.Config.SeqLen - 1, count = window * (Perplexity.BatchWindows + 1) + 100;   // two batches, the last window short
        var stamp = Stamp();
        double nll = 0;
        for (int start = 0; start < count; start += window)
        {
            int[] input = [Llama2cTokenizer.Bos, .. tokens.Skip(start).Take(Math.Min(window, count - start))];
            var logits = lm.Forward(input, stamp);
            for (int t = 0; t + 1 < input.Length; t++) nll += Perplexity.CrossEntropy(logits.Row(t), input[t + 1]);
        }
        var progress = new List<(int Done, int All)>();
        var r = Perplexity.Evaluate(lm, tokens, stamp, count, (done, all) => progress.Add((done, all)));
        Assert.Equal(Math.Exp(nll / count), r.Perplexity);
        Assert.Equal(Perplexity.BatchWindows + 2, r.Windows);
        Assert.Equal(Enumerable.Range(0, r.Windows + 1).Select(done => (done, r.Windows)), progress);
    }
}
