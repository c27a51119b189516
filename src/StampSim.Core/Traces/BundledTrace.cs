using System.Security.Cryptography;

namespace StampSim.Traces;

/// <summary>
/// The real trace that ships inside the assembly (stories260K on TinyStories text, see
/// traces/README.md), so the default run works from any directory. It is written once to a
/// content-addressed file in the temp directory, because traces are memory-mapped by path.
/// </summary>
public static class BundledTrace
{
    /// <summary>The name users give for it (<c>--trace bundled</c>, <c>trace: bundled</c>).</summary>
    public const string Name = "bundled";

    /// <summary>The file name it was captured as.</summary>
    public const string FileName = "stories260K-tinystories-512.safetensors";

    /// <summary>How messages name it: never by its temporary copy's path, which the user did not give.</summary>
    public const string DisplayName = $"bundled trace ({FileName})";

    private const string Resource = "StampSim.traces.bundled.safetensors";

    /// <summary>The path of the bundled trace on disk, writing it there first if needed.</summary>
    public static string Materialize()
    {
        using var stream = typeof(BundledTrace).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException("the bundled trace is missing from the assembly");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        byte[] hash = SHA256.HashData(bytes);
        string path = Path.Combine(Path.GetTempPath(), $"stampsim-{Convert.ToHexStringLower(hash)[..16]}-{FileName}");
        // The copy lives in a shared temp folder where anyone can edit it, so it is used only when its
        // content still hashes to the resource's; otherwise it is written again.
        if (!IsIntact(path, hash))
            Io.AtomicFile.Write(path, s => s.Write(bytes));
        return path;
    }

    private static bool IsIntact(string path, byte[] hash)
    {
        try
        {
            using var file = File.OpenRead(path);
            return SHA256.HashData(file).AsSpan().SequenceEqual(hash);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
