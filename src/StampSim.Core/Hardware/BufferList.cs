using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using StampSim.Numerics;

namespace StampSim.Hardware;

/// <summary>The accelerator's on-chip buffers in config order; as JSON, the YAML mapping (name → settings) they are read from.</summary>
[JsonConverter(typeof(BufferListJsonConverter))]
public sealed class BufferList : IReadOnlyList<BufferConfig>
{
    private readonly BufferConfig[] _buffers;

    /// <summary>The buffers, in config order.</summary>
    public BufferList(IEnumerable<BufferConfig> buffers) => _buffers = [.. buffers];

    /// <inheritdoc />
    public BufferConfig this[int index] => _buffers[index];

    /// <inheritdoc />
    public int Count => _buffers.Length;

    /// <inheritdoc />
    public IEnumerator<BufferConfig> GetEnumerator() => ((IEnumerable<BufferConfig>)_buffers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Writes a <see cref="BufferList"/> as the YAML mapping (name → settings) it is read from.</summary>
public sealed class BufferListJsonConverter : JsonConverter<BufferList>
{
    /// <inheritdoc />
    public override BufferList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("buffers are read from YAML");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, BufferList value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var b in value)
        {
            writer.WriteStartObject(b.Name);
            writer.WriteNumber("capacity", b.Capacity);
            writer.WriteStartArray("holds");
            foreach (var h in b.Holds) writer.WriteStringValue(ConfigNames.Of(h));
            writer.WriteEndArray();
            writer.WriteNumber("read_bandwidth", b.ReadBandwidth);
            writer.WriteNumber("write_bandwidth", b.WriteBandwidth);
            writer.WriteBoolean("double_buffered", b.DoubleBuffered);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
