using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace StampSim.Traces;

/// <summary>
/// Reads a stored float tensor into float32 without a second full-size buffer: little-endian float32
/// is read straight into the destination, every other dtype through one pooled staging chunk per worker.
/// A full-size raw copy would double the pages a large tensor touches, and fresh pages are what
/// reading costs most; with a positional source several workers fault theirs in at once.
/// </summary>
public static class FloatChunks
{
    // Raw bytes converted per step when widening; keeps the staging buffer small and pooled.
    private const int ChunkBytes = 1 << 22;

    /// <summary>Fills <paramref name="destination"/> with the bytes that start <paramref name="byteOffset"/> bytes into the tensor's data.</summary>
    public delegate void ByteSource(long byteOffset, Span<byte> destination);

    /// <summary>
    /// Reads <paramref name="destination"/>.Length elements of <paramref name="type"/> from <paramref name="source"/>;
    /// returns how many values changed when converted to float32. With one thread the source is called in
    /// ascending offsets (a stream); with more, <paramref name="source"/> must be positional (any thread, any
    /// offset) and up to <paramref name="threads"/> chunks are read at once. The values are the same either way.
    /// </summary>
    public static long Read(ByteSource source, ElementType type, bool bigEndian, float[] destination, int threads = 1)
    {
        int size = ElementTypes.Size(type);
        bool direct = type == ElementType.Float32 && !bigEndian && BitConverter.IsLittleEndian;
        int perChunk = ChunkBytes / size;
        long chunks = (destination.LongLength + perChunk - 1) / perChunk;

        long Chunk(long chunk, byte[]? staging)
        {
            long start = chunk * perChunk;
            var part = destination.AsSpan((int)start, (int)Math.Min(perChunk, destination.LongLength - start));
            if (staging is null)
            {
                source(size * start, MemoryMarshal.AsBytes(part));
                return 0;
            }
            var raw = staging.AsSpan(0, part.Length * size);
            source(size * start, raw);
            return ElementTypes.ToFloat32(raw, type, bigEndian, part);
        }
        byte[]? Rent() => direct ? null : ArrayPool<byte>.Shared.Rent(ChunkBytes);
        static void Return(byte[]? staging)
        {
            if (staging is not null) ArrayPool<byte>.Shared.Return(staging);
        }

        if (threads <= 1 || chunks <= 1)
        {
            var staging = Rent();
            try
            {
                long rounded = 0;
                for (long c = 0; c < chunks; c++) rounded += Chunk(c, staging);
                return rounded;
            }
            finally
            {
                Return(staging);
            }
        }
        long total = 0;
        try
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, Rent,
                (c, _, staging) => { Interlocked.Add(ref total, Chunk(c, staging)); return staging; }, Return);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // A bad file fails as it would read in order: the first reason, not a wrapper.
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        return total;
    }
}
