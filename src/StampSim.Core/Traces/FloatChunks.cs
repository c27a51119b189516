using System.Buffers;
using System.Runtime.InteropServices;

namespace StampSim.Traces;

/// <summary>
/// Reads a stored float tensor into float32 without a second full-size buffer: little-endian float32
/// is read straight into the destination, every other dtype through one pooled staging chunk.
/// A full-size raw copy would double the pages a large tensor touches, and fresh pages are what
/// reading costs most.
/// </summary>
public static class FloatChunks
{
    // Raw bytes converted per step when widening; keeps the staging buffer small and pooled.
    private const int ChunkBytes = 1 << 22;

    /// <summary>Fills <paramref name="destination"/> with the bytes that start <paramref name="byteOffset"/> bytes into the tensor's data.</summary>
    public delegate void ByteSource(long byteOffset, Span<byte> destination);

    /// <summary>
    /// Reads <paramref name="destination"/>.Length elements of <paramref name="type"/> from <paramref name="source"/>,
    /// in ascending offsets; returns how many values changed when converted to float32.
    /// </summary>
    public static long Read(ByteSource source, ElementType type, bool bigEndian, float[] destination)
    {
        if (type == ElementType.Float32 && !bigEndian && BitConverter.IsLittleEndian)
        {
            for (long done = 0; done < destination.LongLength; done += ChunkBytes / 4)
            {
                var part = destination.AsSpan((int)done, (int)Math.Min(ChunkBytes / 4, destination.LongLength - done));
                source(4 * done, MemoryMarshal.AsBytes(part));
            }
            return 0;
        }
        int size = ElementTypes.Size(type);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            long rounded = 0;
            int perChunk = ChunkBytes / size;
            for (long done = 0; done < destination.LongLength; done += perChunk)
            {
                var part = destination.AsSpan((int)done, (int)Math.Min(perChunk, destination.LongLength - done));
                var raw = buffer.AsSpan(0, part.Length * size);
                source(size * done, raw);
                rounded += ElementTypes.ToFloat32(raw, type, bigEndian, part);
            }
            return rounded;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
