using Microsoft.ML.Tokenizers;

namespace StampSim.Models.Onnx;

/// <summary>
/// Text to the inputs of a BERT-family ONNX encoder: WordPiece ids from <c>vocab.txt</c> (Microsoft.ML.Tokenizers'
/// <see cref="BertTokenizer"/>: lower-casing, basic tokenisation, [CLS] … [SEP]), an all-ones attention mask
/// and all-zero token types, batch 1.
/// </summary>
public sealed class WordPieceInputs
{
    private readonly BertTokenizer _tokenizer;

    private WordPieceInputs(BertTokenizer tokenizer) => _tokenizer = tokenizer;

    /// <summary>The graph input names this class fills.</summary>
    public static IReadOnlyList<string> InputNames { get; } = ["input_ids", "attention_mask", "token_type_ids"];

    /// <summary>Loads a WordPiece vocabulary (one token a line).</summary>
    /// <exception cref="InputException">The file is missing or is not a BERT vocabulary.</exception>
    public static WordPieceInputs Load(string vocabPath)
    {
        StampSim.Io.InputFile.Require(vocabPath);
        try { return new WordPieceInputs(BertTokenizer.Create(vocabPath, new BertOptions { LowerCaseBeforeTokenization = true })); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InputException($"{vocabPath}: not a WordPiece vocabulary ({e.Message})");
        }
    }

    /// <summary>
    /// The token ids of <paramref name="text"/> cut to at most <paramref name="maxTokens"/> with [CLS] and [SEP]
    /// included; like Hugging Face's truncation, the cut may fall inside a word.
    /// </summary>
    public long[] Encode(string text, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 2);
        // The tokenizer's own cap stops at a word boundary; asking for a few more and cutting keeps exactly maxTokens.
        var body = _tokenizer.EncodeToIds(text, maxTokens + WordSlack, addSpecialTokens: false, out _, out _).Take(maxTokens - 2);
        return _tokenizer.BuildInputsWithSpecialTokens(body).Select(i => (long)i).ToArray();
    }

    // Word pieces one word may add past the cut.
    private const int WordSlack = 32;

    /// <summary>The feeds for <paramref name="model"/>: ids, ones and zeros for the inputs it has of <see cref="InputNames"/>.</summary>
    /// <exception cref="InputException">The model has an input this class does not know how to fill.</exception>
    public static Dictionary<string, OnnxTensor> Feeds(OnnxModel model, long[] ids)
    {
        var feeds = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        long[] shape = [1, ids.Length];
        foreach (var name in model.InputNames)
            feeds[name] = name switch
            {
                "input_ids" => OnnxTensor.Of(ids, shape),
                "attention_mask" => OnnxTensor.Of(Enumerable.Repeat(1L, ids.Length).ToArray(), shape),
                "token_type_ids" => OnnxTensor.Of(new long[ids.Length], shape),
                _ => throw new InputException($"{model.Path}: input '{name}' is not one of {string.Join(", ", InputNames)}; give it with --input {name}=file.npy"),
            };
        return feeds;
    }
}
