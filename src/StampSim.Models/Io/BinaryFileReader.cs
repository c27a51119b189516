using System.Buffers.Binary;
using System.Runtime.InteropServices;
using StampSim.Io;

namespace StampSim.Models.Io;

/// <summary>
/// Sequential little-endian reader for the raw binary formats of llama2.c (checkpoints, tokenizers)
/// and raw float32 tensors. Every read names what it was reading when the file runs short.
/// </summary>
internal sealed class BinaryFileReader : IDisposable
{
    private readonly FileStream _stream;

    private BinaryFileReader(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    /// <summary>The file path.</summary>
    public string Path { get; }

    /// <summary>File size in bytes.</summary>
    public long Length => _stream.Length;

    /// <summary>Current offset.</summary>
    public long Position => _stream.Position;

    /// <summary>Bytes left after the current offset.</summary>
    public long Remaining => _stream.Length - _stream.Position;

    /// <summary>Opens <paramref name="path"/>; a missing or unreadable file is an input error.</summary>
    public static BinaryFileReader Open(string path) => new(path, InputFile.OpenRead(path, 1 << 16));

    /// <summary>One little-endian int32.</summary>
    public int ReadInt32(string what)
    {
        Span<byte> bytes = stackalloc byte[4];
        Fill(bytes, what);
        return BinaryPrimitives.ReadInt32LittleEndian(bytes);
    }

    /// <summary>One little-endian float32.</summary>
    public float ReadFloat32(string what)
    {
        Span<byte> bytes = stackalloc byte[4];
        Fill(bytes, what);
        return BinaryPrimitives.ReadSingleLittleEndian(bytes);
    }

    /// <summary>Fills <paramref name="destination"/> with little-endian float32 values.</summary>
    public void ReadFloat32(Span<float> destination, string what)
    {
        Fill(MemoryMarshal.AsBytes(destination), what);
        if (!BitConverter.IsLittleEndian)
        {
            var asInts = MemoryMarshal.Cast<float, int>(destination);
            BinaryPrimitives.ReverseEndianness(asInts, asInts);
        }
    }

    /// <summary>Reads <paramref name="count"/> raw bytes.</summary>
    public byte[] ReadBytes(int count, string what)
    {
        var bytes = new byte[count];
        Fill(bytes, what);
        return bytes;
    }

    /// <summary>Skips <paramref name="count"/> bytes, which must exist.</summary>
    public void Skip(long count, string what)
    {
        if (count > Remaining) throw Truncated(count, what);
        _stream.Seek(count, SeekOrigin.Current);
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private void Fill(Span<byte> destination, string what)
    {
        if (destination.Length > Remaining) throw Truncated(destination.Length, what);
        _stream.ReadExactly(destination);
    }

    private InputException Truncated(long needed, string what) =>
        new($"{Path}: truncated while reading {what} (needs {needed} bytes at offset {Position}, the file has {Length})");
}
