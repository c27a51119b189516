using System.IO.Compression;

namespace StampSim.Traces.Npy;

/// <summary>A NumPy <c>.npz</c> archive (a zip of <c>.npy</c> members, stored or deflated).</summary>
public sealed class NpzFile : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly string _path;

    private NpzFile(ZipArchive zip, string path)
    {
        _zip = zip;
        _path = path;
    }

    /// <summary>Array names (member names without <c>.npy</c>).</summary>
    public IReadOnlyList<string> Names => _zip.Entries.Select(e => e.FullName.EndsWith(".npy", StringComparison.Ordinal) ? e.FullName[..^4] : e.FullName).ToArray();

    /// <summary>Opens an archive for reading.</summary>
    public static NpzFile Open(string path)
    {
        var stream = NpyFile.OpenRead(path);
        try
        {
            var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            // The central directory is read lazily; reading it here makes a damaged one fail on open.
            _ = zip.Entries.Count;
            return new NpzFile(zip, path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
        {
            stream.Dispose();
            throw new InputException($"{path}: not a valid .npz archive ({e.Message})");
        }
    }

    /// <summary>True when the archive holds array <paramref name="name"/>.</summary>
    public bool Contains(string name) => Find(name) is not null;

    /// <summary>Reads a float array.</summary>
    public NpyTensor ReadFloat32(string name)
    {
        var entry = Require(name);
        using var s = OpenVerified(entry, name);
        return NpyFile.ReadFloat32(s, $"{_path}[{name}]", entry.Length);
    }

    /// <summary>Reads and validates a member's header without reading its data.</summary>
    public NpyHeader ReadHeader(string name)
    {
        var entry = Require(name);
        try
        {
            using var s = entry.Open();
            return NpyHeader.Read(s, $"{_path}[{name}]", entry.Length);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new InputException($"{_path}[{name}]: damaged archive member ({e.Message})", e);
        }
    }

    /// <summary>Reads an integer array as 64-bit integers.</summary>
    public (long[] Shape, long[] Data) ReadInt64(string name)
    {
        var entry = Require(name);
        using var s = OpenVerified(entry, name);
        return NpyFile.ReadInt64(s, $"{_path}[{name}]", entry.Length);
    }

    /// <inheritdoc />
    public void Dispose() => _zip.Dispose();

    // The member is read whole and its CRC-32 checked before any value is used: a damaged archive must
    // fail, not yield plausible numbers.
    private MemoryStream OpenVerified(ZipArchiveEntry entry, string name)
    {
        string where = $"{_path}[{name}]";
        if (entry.Length > Array.MaxLength)
            throw new InputException($"{where}: member of {entry.Length} bytes is too large");
        var bytes = new byte[entry.Length];
        try
        {
            using var s = entry.Open();
            s.ReadExactly(bytes);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new InputException($"{where}: damaged archive member ({e.Message})", e);
        }
        uint crc = Io.Crc32.Of(bytes);
        if (crc != entry.Crc32)
            throw new InputException($"{where}: CRC-32 mismatch (archive says {entry.Crc32:x8}, data has {crc:x8}); the archive is damaged");
        return new MemoryStream(bytes, writable: false);
    }

    private ZipArchiveEntry? Find(string name) => _zip.GetEntry(name + ".npy") ?? _zip.GetEntry(name);

    private ZipArchiveEntry Require(string name) =>
        Find(name) ?? throw new InputException($"{_path}: no array named '{name}' (has: {string.Join(", ", Names)})");
}
