using System.Globalization;
using System.Text;
using StampSim.Models.Io;

namespace StampSim.Models.Tokenizer;

/// <summary>
/// The llama2.c tokenizer (<c>tokenizer.bin</c>, <c>tok512.bin</c>): int32 max_token_length, then per
/// token a float32 merge score, an int32 byte length and the bytes. Encoding and decoding follow
/// llama2.c's <c>run.c</c>: UTF-8 code points looked up whole, unknown ones as byte tokens
/// (<c>byte + 3</c>), a leading-space dummy prefix, BPE merges by score; decoding drops the leading
/// space of the piece after BOS and turns <c>&lt;0xXX&gt;</c> pieces into raw bytes.
/// </summary>
public sealed class Llama2cTokenizer
{
    /// <summary>Beginning-of-sequence id (fixed in llama2.c).</summary>
    public const int Bos = 1;

    /// <summary>End-of-sequence id (fixed in llama2.c).</summary>
    public const int Eos = 2;

    // Byte tokens <0x00>..<0xFF> follow <unk>, <s>, </s>.
    private const int ByteTokenOffset = 3;

    private readonly byte[][] _pieces;
    private readonly float[] _scores;
    private readonly Dictionary<string, int> _ids;

    private Llama2cTokenizer(byte[][] pieces, float[] scores, int maxTokenLength)
    {
        _pieces = pieces;
        _scores = scores;
        MaxTokenLength = maxTokenLength;
        // Latin-1 maps bytes to chars one to one, so byte strings can key an ordinary dictionary;
        // with duplicate pieces the lowest id wins.
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < pieces.Length; i++) _ids.TryAdd(Encoding.Latin1.GetString(pieces[i]), i);
    }

    /// <summary>Number of tokens.</summary>
    public int VocabSize => _pieces.Length;

    /// <summary>The longest piece, as the file states it.</summary>
    public int MaxTokenLength { get; }

    /// <summary>Reads a tokenizer of <paramref name="vocabSize"/> tokens (the model's vocab_size); the file must end after them.</summary>
    public static Llama2cTokenizer Load(string path, int vocabSize)
    {
        if (vocabSize <= ByteTokenOffset + 255)
            throw new InputException($"{path}: vocab_size {vocabSize} cannot hold llama2.c's 3 control and 256 byte tokens");
        using var r = BinaryFileReader.Open(path);
        int maxLength = r.ReadInt32("max_token_length");
        var pieces = new byte[vocabSize][];
        var scores = new float[vocabSize];
        for (int i = 0; i < vocabSize; i++)
        {
            scores[i] = r.ReadFloat32($"the score of token {i}");
            int length = r.ReadInt32($"the length of token {i}");
            if (length < 0 || length > r.Remaining)
                throw new InputException($"{path}: token {i} has length {length} at offset {r.Position - 4}, outside the file");
            pieces[i] = r.ReadBytes(length, $"token {i}");
        }
        if (r.Remaining != 0)
            throw new InputException($"{path}: {r.Remaining} bytes follow the {vocabSize} tokens of the model's vocabulary (wrong tokenizer for this model?)");
        return new Llama2cTokenizer(pieces, scores, maxLength);
    }

    /// <summary>The raw bytes of token <paramref name="id"/>.</summary>
    public ReadOnlySpan<byte> Piece(int id) => _pieces[CheckId(id)];

    /// <summary>The merge score of token <paramref name="id"/> (higher merges first).</summary>
    public float Score(int id) => _scores[CheckId(id)];

    /// <summary>Token ids of <paramref name="text"/> as run.c's <c>encode</c> gives them.</summary>
    public int[] Encode(string text, bool bos, bool eos)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var tokens = new List<int>(bytes.Length + 1);
        if (bytes.Length > 0)
        {
            int space = Lookup(" ");
            tokens.Add(space >= 0 ? space : ' ' + ByteTokenOffset);
        }
        int start = 0;
        while (start < bytes.Length)
        {
            // A code point: a lead byte and up to three continuation bytes (10xxxxxx), as run.c groups them.
            int end = start + 1;
            while (end < bytes.Length && end - start < 4 && (bytes[end] & 0xC0) == 0x80) end++;
            int id = Lookup(Encoding.Latin1.GetString(bytes, start, end - start));
            if (id >= 0)
                tokens.Add(id);
            else
                for (int b = start; b < end; b++) tokens.Add(bytes[b] + ByteTokenOffset);
            start = end;
        }
        var merged = BpeMerger.Merge(tokens, (a, b) => Lookup(Encoding.Latin1.GetString(_pieces[a]) + Encoding.Latin1.GetString(_pieces[b])), _scores);
        if (bos) merged.Insert(0, Bos);
        if (eos) merged.Add(Eos);
        return merged.ToArray();
    }

    /// <summary>The bytes run.c prints for <paramref name="token"/> following <paramref name="previous"/> (-1 for none).</summary>
    public byte[] DecodePiece(int previous, int token)
    {
        ReadOnlySpan<byte> piece = _pieces[CheckId(token)];
        if (previous == Bos && piece.Length > 0 && piece[0] == (byte)' ') piece = piece[1..];
        if (piece.Length == 6 && piece.StartsWith("<0x"u8) && piece[5] == (byte)'>'
            && byte.TryParse(Encoding.ASCII.GetString(piece[3..5]), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte raw))
            return [raw];
        return piece.ToArray();
    }

    /// <summary>
    /// The text of <paramref name="ids"/>: the pieces' bytes as UTF-8 (invalid sequences become U+FFFD).
    /// BOS is a control token and contributes nothing, as in run.c's output.
    /// </summary>
    public string Decode(ReadOnlySpan<int> ids)
    {
        var bytes = new List<byte>(ids.Length * 4);
        int previous = -1;
        foreach (int id in ids)
        {
            if (CheckId(id) != Bos) bytes.AddRange(DecodePiece(previous, id));
            previous = id;
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private int CheckId(int id) =>
        (uint)id < (uint)VocabSize ? id : throw new InputException($"token id {id} is outside the vocabulary 0..{VocabSize - 1}");

    private int Lookup(string piece) => _ids.TryGetValue(piece, out int id) ? id : -1;
}
