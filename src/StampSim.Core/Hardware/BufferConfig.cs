using System.Text.Json;
using System.Text.Json.Serialization;
using StampSim.Numerics;

namespace StampSim.Hardware;

/// <summary>An on-chip SRAM buffer.</summary>
/// <param name="Name">Buffer name (also names its energy actions <c>NAME_read</c>, <c>NAME_write</c>).</param>
/// <param name="Capacity">Bytes.</param>
/// <param name="Holds">Which tensors live here.</param>
/// <param name="ReadBandwidth">Bytes per cycle.</param>
/// <param name="WriteBandwidth">Bytes per cycle.</param>
/// <param name="DoubleBuffered">True when half the capacity is filled while the other half is used.</param>
public sealed record BufferConfig(string Name, long Capacity, IReadOnlyList<TensorKind> Holds, double ReadBandwidth, double WriteBandwidth, bool DoubleBuffered)
{
    /// <summary>Capacity usable by one tile (half when double buffered).</summary>
    public long TileCapacity => DoubleBuffered ? Capacity / 2 : Capacity;
}

/// <summary>Writes the buffer list as the YAML mapping (name → settings) it is read from.</summary>
public sealed class BufferListJsonConverter : JsonConverter<IReadOnlyList<BufferConfig>>
{
    /// <inheritdoc />
    public override IReadOnlyList<BufferConfig> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("buffers are read from YAML");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<BufferConfig> value, JsonSerializerOptions options)
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
