using System.Text;

namespace StampSim.Io;

/// <summary>
/// Reads text that must be UTF-8 (configs, sweep specs, headers, the files StampSim wrote): an invalid
/// byte is an error naming the file and its byte offset, never a silent U+FFFD.
/// </summary>
public static class StrictText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a whole file as UTF-8 (a leading byte-order mark is dropped).</summary>
    /// <exception cref="InputException">The file is missing, unreadable, or not UTF-8.</exception>
    public static string ReadFile(string path)
    {
        byte[] bytes = InputFile.ReadAllBytes(path);
        int start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        return Decode(bytes.AsSpan(start), path, start);
    }

    /// <summary>Decodes UTF-8 bytes; <paramref name="offset"/> is where they start in <paramref name="source"/> (for the message).</summary>
    /// <exception cref="InputException">An invalid byte.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string source, long offset = 0)
    {
        try { return Strict.GetString(bytes); }
        catch (DecoderFallbackException e)
        {
            long at = offset + Math.Max(0, e.Index);
            string bad = e.BytesUnknown is { Length: > 0 } b ? $"0x{b[0]:X2}" : "a byte";
            throw new InputException($"{source}: byte offset {at}: invalid UTF-8 ({bad}); the file must be UTF-8 text", e);
        }
    }
}
