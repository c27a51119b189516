using System.Text;
using StampSim.Models.Tokenizer;
using StampSim.Tests.Support;
using Xunit.Abstractions;

namespace StampSim.Tests.Tokenizer;

[Collection(ModelsCollection.Name)]
public sealed class Llama2cTokenizerTests(SharedModels models, ITestOutputHelper output)
{
    [SkippableFact]
    public void Encodes_like_run_c_with_BOS_and_the_dummy_prefix()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        // The greedy reference begins BOS, " Once", " upon", " a", " time".
        Assert.Equal([1, 403, 407, 261, 378], models.Tokenizer!.Encode("Once upon a time", bos: true, eos: false));
        Assert.Equal([403, 407, 2], models.Tokenizer.Encode("Once upon", bos: false, eos: true));
        Assert.Empty(models.Tokenizer.Encode("", bos: false, eos: false));
    }

    [SkippableFact]
    public void Real_text_round_trips()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var tok = models.Tokenizer!;
        foreach (var file in new[] { "tinystories_sample.txt", "wikitext2_test_raw.txt" })
        {
            string text = File.ReadAllText(SharedModels.TextPath(file));
            text = text[..Math.Min(text.Length, 50_000)];
            var ids = tok.Encode(text, bos: true, eos: false);
            output.WriteLine($"{file}: {text.Length} chars -> {ids.Length} tokens");
            Assert.Equal(text, tok.Decode(ids));
        }
    }

    [SkippableFact]
    public void Characters_outside_the_vocabulary_become_byte_tokens_and_come_back()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var tok = models.Tokenizer!;
        const string text = "café “quoted” 😀\n";
        var ids = tok.Encode(text, bos: true, eos: false);
        Assert.Contains(ids, id => id >= 3 && id < 259 && Encoding.ASCII.GetString(tok.Piece(id)).StartsWith("<0x", StringComparison.Ordinal));
        Assert.Equal(text, tok.Decode(ids));
        Assert.Equal([(byte)'\n'], tok.DecodePiece(-1, 13));
    }

    [SkippableFact]
    public void The_fast_merge_equals_run_c_quadratic_loop()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var tok = models.Tokenizer!;
        string text = File.ReadAllText(SharedModels.TextPath("wikitext2_test_raw.txt"))[..4000];
        Assert.Equal(NaiveEncode(tok, text), tok.Encode(text, bos: false, eos: false));
    }

    [SkippableFact]
    public void A_wrong_vocabulary_size_is_an_input_error()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var e = Assert.Throws<InputException>(() => Llama2cTokenizer.Load(SharedModels.StoriesPath("tok512.bin"), 500));
        Assert.Contains("tok512.bin", e.Message);
        e = Assert.Throws<InputException>(() => Llama2cTokenizer.Load(SharedModels.StoriesPath("tok512.bin"), 600));
        Assert.Contains("truncated", e.Message);
    }

    /// <summary>run.c's encode written out directly: byte tokens, then the O(n^2) best-pair merge loop.</summary>
    private static int[] NaiveEncode(Llama2cTokenizer tok, string text)
    {
        var ids = new Dictionary<string, int>();
        for (int i = tok.VocabSize - 1; i >= 0; i--) ids[Encoding.Latin1.GetString(tok.Piece(i))] = i;
        var bytes = Encoding.UTF8.GetBytes(text);
        var tokens = new List<int> { ids[" "] };
        for (int i = 0; i < bytes.Length;)
        {
            int j = i + 1;
            while (j < bytes.Length && j - i < 4 && (bytes[j] & 0xC0) == 0x80) j++;
            if (ids.TryGetValue(Encoding.Latin1.GetString(bytes, i, j - i), out int id)) tokens.Add(id);
            else for (int b = i; b < j; b++) tokens.Add(bytes[b] + 3);
            i = j;
        }
        while (true)
        {
            float best = -1e10f;
            int bestId = -1, bestIndex = -1;
            for (int i = 0; i < tokens.Count - 1; i++)
            {
                string pair = Encoding.Latin1.GetString(tok.Piece(tokens[i])) + Encoding.Latin1.GetString(tok.Piece(tokens[i + 1]));
                if (ids.TryGetValue(pair, out int id) && tok.Score(id) > best)
                {
                    best = tok.Score(id);
                    bestId = id;
                    bestIndex = i;
                }
            }
            if (bestIndex < 0) break;
            tokens[bestIndex] = bestId;
            tokens.RemoveAt(bestIndex + 1);
        }
        return tokens.ToArray();
    }
}
