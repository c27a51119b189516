using System.Security.Cryptography;

namespace StampSim.Reports.Provenance;

/// <summary>SHA-256 digests as lower-case hex, the form every report records.</summary>
public static class Sha256
{
    /// <summary>Digest of <paramref name="bytes"/>.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Digest of UTF-8 <paramref name="text"/>.</summary>
    public static string OfText(string text) => Of(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Digest of a file, streamed.</summary>
    /// <exception cref="InputException">The file cannot be read.</exception>
    public static string OfFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read ({e.Message})", e);
        }
    }
}
