using System.Runtime.InteropServices;
using StampSim.Io;
using StampSim.Tensors;

namespace StampSim.Traces.Npy;

/// <summary>A tensor read from a .npy file, converted to float32.</summary>
/// <param name="Shape">Dimensions (C order).</param>
/// <param name="Data">Elements in C order.</param>
/// <param name="SourceType">The dtype stored in the file.</param>
/// <param name="RoundedValues">How many values changed when converting to float32 (float64 or wide integer sources).</param>
public sealed record NpyTensor(long[] Shape, float[] Data, ElementType SourceType, long RoundedValues);

/// <summary>Reads and writes NumPy <c>.npy</c> files.</summary>
public static class NpyFile
{
    /// <summary>
    /// Reads a float tensor (f2, f4 or f8, either byte order, C or Fortran order) from a file, with up to
    /// <paramref name="threads"/> positional reads at once; the values do not depend on it.
    /// </summary>
    public static NpyTensor ReadFloat32(string path, int threads = 1)
    {
        using var stream = OpenRead(path);
        var header = ReadFloatHeader(stream, path, stream.Length);
        long start = stream.Position;
        var file = stream.SafeFileHandle;   // taken once: the property syncs the stream's position, which readers on other threads must not race
        return Read(header, path, (at, destination) => ReadAt(file, start + at, destination, header, path), threads);
    }

    /// <summary>Reads a float tensor from a stream positioned at the start of .npy data.</summary>
    public static NpyTensor ReadFloat32(Stream stream, string name, long? length)
    {
        var header = ReadFloatHeader(stream, name, length);
        return Read(header, name, (_, destination) => ReadExactly(stream, destination, header, name), threads: 1);
    }

    private static NpyHeader ReadFloatHeader(Stream stream, string name, long? length)
    {
        var header = NpyHeader.Read(stream, name, length);
        if (!ElementTypes.IsFloat(header.ElementType))
            throw new InputException($"{name}: dtype {header.Descr} is not a float type (expected <f4, <f2 or <f8)");
        CheckSize(header, name);
        return header;
    }

    private static NpyTensor Read(NpyHeader header, string name, FloatChunks.ByteSource source, int threads)
    {
        var data = LargeArrays.Uninitialized<float>(checked((int)header.Count));   // the read fills it or throws
        long rounded = FloatChunks.Read(source, header.ElementType, header.BigEndian, data, threads);
        if (header.FortranOrder)
            data = ToCOrder(data, header.Shape, name);
        return new NpyTensor(header.Shape, data, header.ElementType, rounded);
    }

    /// <summary>
    /// Reads a rank-2 float tensor as a matrix; errors name <paramref name="role"/> (e.g. "X").
    /// Up to <paramref name="threads"/> reads run at once.
    /// </summary>
    public static (Matrix<float> Matrix, NpyTensor Source) ReadMatrix(string path, string role, int threads = 1)
    {
        var t = ReadFloat32(path, threads);
        if (t.Shape.Length != 2)
            throw new InputException($"{path}: {role} must be a 2-D array, got shape {Shape(t.Shape)}");
        if (t.Shape[0] > int.MaxValue || t.Shape[1] > int.MaxValue)
            throw new InputException($"{path}: {role} shape {Shape(t.Shape)} is too large");
        return (new Matrix<float>((int)t.Shape[0], (int)t.Shape[1], t.Data), t);
    }

    /// <summary>Reads a rank-1 float tensor.</summary>
    public static (float[] Vector, NpyTensor Source) ReadVector(string path, string role)
    {
        var t = ReadFloat32(path);
        if (t.Shape.Length != 1)
            throw new InputException($"{path}: {role} must be a 1-D array, got shape {Shape(t.Shape)}");
        return (t.Data, t);
    }

    /// <summary>Serialises a tensor to a stream as .npy (for <see cref="OutputSet"/>).</summary>
    public static void WriteTo<T>(Stream stream, ReadOnlySpan<T> data, params long[] shape) where T : unmanaged
    {
        stream.Write(NpyHeader.Write(ElementTypeOf<T>(), shape));
        stream.Write(MemoryMarshal.AsBytes(data));
    }

    private static string Shape(long[] shape) => shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";

    /// <summary>Reads an integer tensor as 64-bit integers (any integer dtype).</summary>
    public static (long[] Shape, long[] Data) ReadInt64(string path)
    {
        using var stream = OpenRead(path);
        return ReadInt64(stream, path, stream.Length);
    }

    /// <summary>Reads an integer tensor from a stream positioned at the start of .npy data.</summary>
    public static (long[] Shape, long[] Data) ReadInt64(Stream stream, string name, long? length)
    {
        var header = NpyHeader.Read(stream, name, length);
        var raw = ReadData(stream, header, name);
        var data = new long[header.Count];
        ElementTypes.ToInt64(raw, header.ElementType, header.BigEndian, data, name);
        if (header.FortranOrder)
            data = ToCOrder(data, header.Shape, name);
        return (header.Shape, data);
    }

    /// <summary>Writes <paramref name="data"/> as a C-order .npy file, atomically.</summary>
    public static void Write<T>(string path, ReadOnlySpan<T> data, params long[] shape) where T : unmanaged
    {
        long count = shape.Aggregate(1L, (a, b) => a * b);
        if (count != data.Length)
            throw new ArgumentException($"shape has {count} elements, data has {data.Length}");
        var copy = data.ToArray();
        AtomicFile.Write(path, s => WriteTo<T>(s, copy, shape));
    }

    /// <summary>Serialises a tensor to .npy bytes in memory (for .npz members).</summary>
    public static byte[] ToBytes<T>(ReadOnlySpan<T> data, params long[] shape) where T : unmanaged
    {
        var header = NpyHeader.Write(ElementTypeOf<T>(), shape);
        var bytes = MemoryMarshal.AsBytes(data);
        var result = new byte[header.Length + bytes.Length];
        header.CopyTo(result, 0);
        bytes.CopyTo(result.AsSpan(header.Length));
        return result;
    }

    private static ElementType ElementTypeOf<T>() where T : unmanaged =>
        typeof(T) == typeof(float) ? ElementType.Float32
        : typeof(T) == typeof(double) ? ElementType.Float64
        : typeof(T) == typeof(Half) ? ElementType.Float16
        : typeof(T) == typeof(sbyte) ? ElementType.Int8
        : typeof(T) == typeof(byte) ? ElementType.UInt8
        : typeof(T) == typeof(short) ? ElementType.Int16
        : typeof(T) == typeof(int) ? ElementType.Int32
        : typeof(T) == typeof(long) ? ElementType.Int64
        : throw new NotSupportedException($"no .npy dtype for {typeof(T).Name}");

    internal static FileStream OpenRead(string path) => Io.InputFile.OpenRead(path, 1 << 16);

    private static byte[] ReadData(Stream stream, NpyHeader header, string name)
    {
        CheckSize(header, name);
        var raw = new byte[header.DataBytes];
        ReadExactly(stream, raw, header, name);
        return raw;
    }

    private static void CheckSize(NpyHeader header, string name)
    {
        if (header.DataBytes > Array.MaxLength)
            throw new InputException($"{name}: tensor of {header.DataBytes} bytes is too large");
    }

    private static void ReadExactly(Stream stream, Span<byte> destination, NpyHeader header, string name)
    {
        if (NpyHeader.ReadFully(stream, destination) != destination.Length)
            throw Truncated(header, name);
    }

    private static void ReadAt(Microsoft.Win32.SafeHandles.SafeFileHandle file, long offset, Span<byte> destination, NpyHeader header, string name)
    {
        if (!InputFile.ReadExactlyAt(file, offset, destination)) throw Truncated(header, name);
    }

    private static InputException Truncated(NpyHeader header, string name) =>
        new($"{name}: truncated data (shape {header.ShapeText} needs {header.DataBytes} bytes)");

    private static T[] ToCOrder<T>(T[] data, long[] shape, string name)
    {
        if (shape.Length <= 1) return data;
        if (shape.Length != 2)
            throw new InputException($"{name}: Fortran-order arrays of rank {shape.Length} are not supported");
        long rows = shape[0], cols = shape[1];
        var result = new T[data.Length];
        for (long i = 0; i < rows; i++)
            for (long j = 0; j < cols; j++)
                result[i * cols + j] = data[j * rows + i];
        return result;
    }
}
