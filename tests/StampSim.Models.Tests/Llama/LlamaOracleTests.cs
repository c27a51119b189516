using System.Text.Json;
using StampSim.Models.Linear;
using StampSim.Models.Llama;
using StampSim.Models.Ops;
using StampSim.Tests.Support;
using Xunit.Abstractions;

namespace StampSim.Tests.Llama;

/// <summary>stories260K against the independent float64 reference (greedy_reference.json) and run.c's text.</summary>
[Collection(ModelsCollection.Name)]
public sealed class LlamaOracleTests(SharedModels models, ITestOutputHelper output)
{
    private sealed record Reference(int[] token_ids, float[] logits_step0_first16, int argmax_step0);

    private static Reference LoadReference() =>
        JsonSerializer.Deserialize<Reference>(File.ReadAllText(SharedModels.StoriesPath("greedy_reference.json")))!;

    [SkippableFact]
    public void Greedy_decoding_from_BOS_matches_the_reference_exactly()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var reference = LoadReference();
        var linear = new Float32LinearExecutor();
        var ids = GreedyDecoder.Generate(models.Llama!, [1], reference.token_ids.Length - 1, linear);
        Assert.Equal(reference.token_ids, ids);

        // Teacher-forced over the reference ids, every position's argmax is the next id; report the closest call.
        var logits = models.Llama!.Forward(reference.token_ids, linear);
        double margin = double.MaxValue;
        for (int i = 0; i < logits.Rows - 1; i++)
        {
            var row = logits.Row(i).ToArray();
            int best = ArgMax.Of(row);
            Assert.Equal(reference.token_ids[i + 1], best);
            margin = Math.Min(margin, row[best] - row.Where((_, j) => j != best).Max());
        }
        output.WriteLine($"smallest top-1 margin over 200 steps: {margin:G4}");
    }

    [SkippableFact]
    public void Step_zero_logits_match_the_reference()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var reference = LoadReference();
        var logits = models.Llama!.Forward([1], new Float32LinearExecutor());
        double worst = 0;
        for (int j = 0; j < 16; j++)
            worst = Math.Max(worst, Math.Abs(logits[0, j] - reference.logits_step0_first16[j]));
        output.WriteLine($"step-0 first-16 logits: max |diff| = {worst:G3} (reference printed to 5 decimals)");
        Assert.True(worst < 2e-5, $"max |diff| {worst}");
        Assert.Equal(reference.argmax_step0, ArgMax.Of(logits.Row(0)));
    }

    [SkippableFact]
    public void Decoded_greedy_ids_are_the_beginning_of_run_c_text()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var reference = LoadReference();
        string text = models.Tokenizer!.Decode(reference.token_ids);
        string runC = File.ReadAllText(SharedModels.StoriesPath("greedy_reference_text.txt"));
        output.WriteLine($"{text.Length} characters decoded");
        Assert.True(text.Length > 300);
        Assert.Equal(runC[..text.Length], text);
    }

    [SkippableFact]
    public void Sequences_outside_the_models_range_are_input_errors()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var linear = new Float32LinearExecutor();
        Assert.Contains("seq_len", Assert.Throws<InputException>(() => models.Llama!.Forward(new int[513], linear)).Message);
        Assert.Contains("tokens[1]", Assert.Throws<InputException>(() => models.Llama!.Forward([1, 512], linear)).Message);
        Assert.Throws<InputException>(() => models.Llama!.Forward(ReadOnlySpan<int>.Empty, linear));
    }
}
