using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using StampSim.Io;

namespace StampSim.Traces.Safetensors;

/// <summary>
/// Writes safetensors files: tensors in the order added, contiguous, the JSON header padded with
/// spaces so the data section starts 8-byte aligned (as the reference implementation does).
/// The file appears atomically.
/// </summary>
public sealed class SafetensorsWriter
{
    private readonly List<(string Name, ElementType Type, long[] Shape, long Bytes, Action<Stream> Write)> _tensors = [];
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);

    /// <summary>Adds a tensor from raw little-endian bytes.</summary>
    public void Add(string name, ElementType type, long[] shape, byte[] data) => Add(name, type, shape, data.LongLength, s => s.Write(data));

    /// <summary>
    /// Adds a tensor whose <paramref name="bytes"/> little-endian bytes <paramref name="write"/> produces
    /// while the file is written, so a large file never has to be held in memory.
    /// </summary>
    public void Add(string name, ElementType type, long[] shape, long bytes, Action<Stream> write)
    {
        long count = shape.Aggregate(1L, (a, b) => a * b);
        if (count * ElementTypes.Size(type) != bytes)
            throw new ArgumentException($"tensor '{name}': shape does not match {bytes} bytes");
        if (_tensors.Any(t => t.Name == name))
            throw new ArgumentException($"tensor '{name}' added twice");
        _tensors.Add((name, type, shape, bytes, write));
    }

    /// <summary>Adds a float32 tensor.</summary>
    public void AddFloat32(string name, ReadOnlySpan<float> data, params long[] shape) =>
        Add(name, ElementType.Float32, shape, System.Runtime.InteropServices.MemoryMarshal.AsBytes(data).ToArray());

    /// <summary>Sets a <c>__metadata__</c> entry.</summary>
    public void SetMetadata(string key, string value) => _metadata[key] = value;

    /// <summary>The file bytes' header part (length prefix + padded JSON).</summary>
    public byte[] BuildHeader()
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (_metadata.Count > 0)
            {
                w.WriteStartObject("__metadata__");
                foreach (var (k, v) in _metadata) w.WriteString(k, v);
                w.WriteEndObject();
            }
            long offset = 0;
            foreach (var t in _tensors)
            {
                w.WriteStartObject(t.Name);
                w.WriteString("dtype", SafetensorsDTypes.Name(t.Type));
                w.WriteStartArray("shape");
                foreach (var dim in t.Shape) w.WriteNumberValue(dim);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                w.WriteNumberValue(offset + t.Bytes);
                w.WriteEndArray();
                w.WriteEndObject();
                offset += t.Bytes;
            }
            w.WriteEndObject();
        }
        var json = buffer.ToArray();
        int padded = (json.Length + 7) / 8 * 8;
        var header = new byte[8 + padded];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)padded);
        json.CopyTo(header, 8);
        header.AsSpan(8 + json.Length).Fill((byte)' ');
        return header;
    }

    /// <summary>Writes the file atomically.</summary>
    public void Write(string path) => AtomicFile.Write(path, WriteTo);

    /// <summary>Writes the file content to a stream.</summary>
    public void WriteTo(Stream stream)
    {
        stream.Write(BuildHeader());
        foreach (var t in _tensors)
        {
            long start = stream.CanSeek ? stream.Position : -1;
            t.Write(stream);
            if (start >= 0 && stream.Position - start != t.Bytes)
                throw new InvalidOperationException($"tensor '{t.Name}': wrote {stream.Position - start} bytes, declared {t.Bytes}");
        }
    }
}
