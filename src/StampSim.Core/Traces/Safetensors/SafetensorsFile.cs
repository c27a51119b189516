using StampSim.Tensors;
using System.Buffers.Binary;
using System.Buffers;
using Microsoft.Win32.SafeHandles;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace StampSim.Traces.Safetensors;

/// <summary>
/// A safetensors file (8-byte little-endian header length, JSON header, raw little-endian data),
/// read tensor by tensor through positioned reads on one open handle. Not memory-mapped: pages of a
/// mapping stay resident in the process once touched, so a replay's RSS grew with every layer read;
/// positioned reads leave the file in the page cache only. The header
/// is validated completely on open: bounded length, well-formed JSON, known dtypes, shapes that
/// match byte lengths, offsets inside the data section, no overlaps and no holes.
/// </summary>
public sealed class SafetensorsFile : IDisposable
{
    /// <summary>Largest header accepted (the reference implementation uses the same 100 MB limit).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    private readonly SafeFileHandle _handle;
    private readonly long _dataStart;

    private SafetensorsFile(string path, SafeFileHandle handle, long dataStart,
        IReadOnlyDictionary<string, SafetensorsTensorInfo> tensors, IReadOnlyDictionary<string, string> metadata, long fileLength)
    {
        Path = path;
        _handle = handle;
        _dataStart = dataStart;
        Tensors = tensors;
        Metadata = metadata;
        FileLength = fileLength;
    }

    /// <summary>The file path.</summary>
    public string Path { get; }

    /// <summary>Tensor entries by name.</summary>
    public IReadOnlyDictionary<string, SafetensorsTensorInfo> Tensors { get; }

    /// <summary>The <c>__metadata__</c> string map.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Size of the file in bytes.</summary>
    public long FileLength { get; }

    /// <summary>Opens and validates a file.</summary>
    public static SafetensorsFile Open(string path)
    {
        using (var stream = Io.InputFile.OpenRead(path))
        {
            long length = stream.Length;
            if (length < 8)
                throw new InputException($"{path}: truncated safetensors file ({length} bytes; the header length alone needs 8)");
            Span<byte> prefix = stackalloc byte[8];
            stream.ReadExactly(prefix);
            ulong headerLen = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
            if (headerLen > (ulong)(length - 8))
                throw new InputException($"{path}: header length {headerLen} exceeds the file ({length - 8} bytes after the length field)");
            if (headerLen > MaxHeaderBytes)
                throw new InputException($"{path}: header length {headerLen} exceeds the {MaxHeaderBytes}-byte limit");
            var header = new byte[headerLen];
            stream.ReadExactly(header);
            long dataStart = 8 + (long)headerLen;
            long dataLength = length - dataStart;
            var (tensors, metadata) = ParseHeader(header, path, dataLength);
            var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return new SafetensorsFile(path, handle, dataStart, tensors, metadata, length);
        }
    }

    /// <summary>The entry for <paramref name="name"/>.</summary>
    /// <exception cref="InputException">No such tensor.</exception>
    public SafetensorsTensorInfo Info(string name) =>
        Tensors.TryGetValue(name, out var t) ? t : throw new InputException($"{Path}: no tensor named '{name}'");

    /// <summary>Reads a tensor's raw bytes.</summary>
    public byte[] ReadBytes(string name)
    {
        var t = Info(name);
        var bytes = new byte[t.Bytes];
        ReadAt(_dataStart + t.Begin, bytes);
        return bytes;
    }

    /// <summary>Reads a float tensor (F32, F16, BF16 widened exactly; F64 rounded) as float32.</summary>
    public float[] ReadFloat32(string name)
    {
        var t = Info(name);
        if (!ElementTypes.IsFloat(t.Type))
            throw new InputException($"{Path}: tensor '{name}' has dtype {t.DType}, expected a float type");
        var result = LargeArrays.Uninitialized<float>(checked((int)t.Count));   // the read fills it or throws
        long offset = _dataStart + t.Begin;
        FloatChunks.Read((at, destination) => ReadAt(offset + at, destination), t.Type, bigEndian: false, result);
        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _handle.Dispose();
    }

    private void ReadAt(long offset, Span<byte> destination)
    {
        if (!Io.InputFile.ReadExactlyAt(_handle, offset, destination))
            throw new InputException($"{Path}: file ended early (truncated while open?)");
    }

    private static (Dictionary<string, SafetensorsTensorInfo>, Dictionary<string, string>) ParseHeader(byte[] header, string path, long dataLength)
    {
        // The header is checked as UTF-8 first, so that a bad byte is named by its offset in the file.
        Io.StrictText.Decode(header, path, 8);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(header); }
        catch (JsonException e) { throw new InputException($"{path}: header is not valid JSON ({e.Message})"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new InputException($"{path}: header must be a JSON object");
            var tensors = new Dictionary<string, SafetensorsTensorInfo>(StringComparer.Ordinal);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                if (!seen.Add(prop.Name))
                    throw new InputException($"{path}: header has the key '{prop.Name}' twice");
                if (prop.Name == "__metadata__")
                {
                    if (prop.Value.ValueKind != JsonValueKind.Object)
                        throw new InputException($"{path}: __metadata__ must be an object of strings");
                    foreach (var m in prop.Value.EnumerateObject())
                    {
                        if (metadata.ContainsKey(m.Name))
                            throw new InputException($"{path}: __metadata__ has the key '{m.Name}' twice");
                        if (m.Value.ValueKind != JsonValueKind.String)
                            throw new InputException($"{path}: __metadata__ value '{m.Name}' must be a string");
                        metadata[m.Name] = m.Value.GetString()!;
                    }
                    continue;
                }
                tensors[prop.Name] = ParseTensor(prop.Name, prop.Value, path, dataLength);
            }
            CheckLayout(tensors.Values, path, dataLength);
            return (tensors, metadata);
        }
    }

    private static SafetensorsTensorInfo ParseTensor(string name, JsonElement e, string path, long dataLength)
    {
        string where = $"{path}: tensor '{name}'";
        if (e.ValueKind != JsonValueKind.Object)
            throw new InputException($"{where}: entry must be an object with dtype, shape and data_offsets");
        if (!e.TryGetProperty("dtype", out var dt) || dt.ValueKind != JsonValueKind.String)
            throw new InputException($"{where}: missing dtype");
        string dtype = dt.GetString()!;
        var type = SafetensorsDTypes.Parse(dtype) ?? throw new InputException($"{where}: unknown dtype '{dtype}'");
        if (!e.TryGetProperty("shape", out var sh) || sh.ValueKind != JsonValueKind.Array)
            throw new InputException($"{where}: missing shape");
        var shape = new List<long>();
        foreach (var v in sh.EnumerateArray())
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out long dim) || dim < 0)
                throw new InputException($"{where}: shape entries must be non-negative integers");
            shape.Add(dim);
        }
        if (!e.TryGetProperty("data_offsets", out var off) || off.ValueKind != JsonValueKind.Array || off.GetArrayLength() != 2)
            throw new InputException($"{where}: data_offsets must be [begin, end]");
        if (!off[0].TryGetInt64(out long begin) || !off[1].TryGetInt64(out long end) || begin < 0 || end < begin)
            throw new InputException($"{where}: data_offsets must be non-negative with begin <= end");
        if (end > dataLength)
            throw new InputException($"{where}: data_offsets [{begin}, {end}] lie outside the data section ({dataLength} bytes)");
        long count;
        try { count = shape.Aggregate(1L, (a, b) => checked(a * b)); }
        catch (OverflowException) { throw new InputException($"{where}: shape is too large"); }
        long expected = count * ElementTypes.Size(type);
        if (expected != end - begin)
            throw new InputException($"{where}: shape [{string.Join(", ", shape)}] of {dtype} needs {expected} bytes but data_offsets span {end - begin}");
        return new SafetensorsTensorInfo(name, type, dtype, shape.ToArray(), begin, end);
    }

    private static void CheckLayout(IEnumerable<SafetensorsTensorInfo> tensors, string path, long dataLength)
    {
        long cursor = 0;
        SafetensorsTensorInfo? previous = null;
        foreach (var t in tensors.Where(t => t.Bytes > 0).OrderBy(t => t.Begin))
        {
            if (t.Begin < cursor)
                throw new InputException($"{path}: tensors '{previous!.Name}' and '{t.Name}' overlap (bytes {t.Begin}..{Math.Min(cursor, t.End)})");
            if (t.Begin > cursor)
                throw new InputException($"{path}: data section has a hole at bytes {cursor}..{t.Begin} (before tensor '{t.Name}')");
            cursor = t.End;
            previous = t;
        }
        if (cursor != dataLength)
            throw new InputException($"{path}: data section has {dataLength - cursor} unindexed trailing bytes");
    }
}
