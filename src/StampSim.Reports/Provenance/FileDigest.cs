namespace StampSim.Reports.Provenance;

/// <summary>One file a result was made from or into: its path, size and SHA-256, the form every manifest lists.</summary>
/// <param name="Path">The path as recorded: relative with '/' separators inside an output folder, as given for an input.</param>
/// <param name="Bytes">Size.</param>
/// <param name="Sha256">Digest (lower-case hex).</param>
public sealed record FileDigest(string Path, long Bytes, string Sha256)
{
    /// <summary>Reads and digests <paramref name="file"/>, recorded as <paramref name="recordedPath"/> (the file's own path when null).</summary>
    /// <exception cref="InputException">The file cannot be read.</exception>
    public static FileDigest Of(string file, string? recordedPath = null)
    {
        string digest = Provenance.Sha256.OfFile(file);   // first: a missing or unreadable file is an input error
        return new FileDigest(recordedPath ?? file, new FileInfo(file).Length, digest);
    }

    /// <summary>Every file under <paramref name="folder"/> except <paramref name="except"/> (relative), sorted by path, digested.</summary>
    public static IReadOnlyList<FileDigest> Inventory(string folder, string except) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: System.IO.Path.GetRelativePath(folder, f).Replace(System.IO.Path.DirectorySeparatorChar, '/')))
            .Where(f => f.Relative != except)
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => Of(f.Full, f.Relative))
            .ToArray();
}
