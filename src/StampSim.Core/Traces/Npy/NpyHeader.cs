using System.Buffers.Binary;
using System.Text;

namespace StampSim.Traces.Npy;

/// <summary>The parsed header of a NumPy <c>.npy</c> file (format versions 1.0, 2.0 and 3.0).</summary>
/// <param name="ElementType">Element type from <c>descr</c>.</param>
/// <param name="BigEndian">True when <c>descr</c> starts with <c>&gt;</c>.</param>
/// <param name="FortranOrder">True for column-major data.</param>
/// <param name="Shape">Dimensions; empty for a scalar.</param>
/// <param name="DataOffset">Byte offset of the first element from the start of the file.</param>
public sealed record NpyHeader(ElementType ElementType, bool BigEndian, bool FortranOrder, long[] Shape, long DataOffset)
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>True when <paramref name="head"/> (a file's first bytes) starts with the .npy magic.</summary>
    internal static bool StartsWithMagic(ReadOnlySpan<byte> head) => head.StartsWith(Magic);

    /// <summary>Number of elements (product of the shape).</summary>
    public long Count => Shape.Aggregate(1L, (a, b) => checked(a * b));

    /// <summary>Number of data bytes the header implies.</summary>
    public long DataBytes => checked(Count * ElementTypes.Size(ElementType));

    /// <summary>The numpy <c>descr</c> string for this header.</summary>
    public string Descr => DescrOf(ElementType, BigEndian);

    /// <summary>Shape as NumPy prints it, e.g. <c>(2048, 4096)</c>.</summary>
    public string ShapeText => Shape.Length == 1 ? $"({Shape[0]},)" : "(" + string.Join(", ", Shape) + ")";

    /// <summary>Reads and validates the header from the start of <paramref name="stream"/>.</summary>
    /// <param name="stream">Positioned at the start of the .npy data.</param>
    /// <param name="name">File name used in error messages.</param>
    /// <param name="available">Bytes available in the stream from its start, when known.</param>
    public static NpyHeader Read(Stream stream, string name, long? available)
    {
        Span<byte> pre = stackalloc byte[10];
        if (ReadFully(stream, pre) < 10 || !pre[..6].SequenceEqual(Magic))
            throw new InputException($"{name}: not a .npy file (missing \\x93NUMPY magic)");
        byte major = pre[6];
        int lenSize = major switch
        {
            1 => 2,
            2 or 3 => 4,
            _ => throw new InputException($"{name}: unsupported .npy format version {major}.{pre[7]}"),
        };
        long headerLen;
        if (lenSize == 2)
            headerLen = BinaryPrimitives.ReadUInt16LittleEndian(pre[8..]);
        else
        {
            Span<byte> more = stackalloc byte[2];
            if (ReadFully(stream, more) < 2)
                throw new InputException($"{name}: truncated .npy header");
            Span<byte> four = stackalloc byte[4];
            pre[8..].CopyTo(four);
            more.CopyTo(four[2..]);
            headerLen = BinaryPrimitives.ReadUInt32LittleEndian(four);
        }
        long prefix = 8 + lenSize;
        if (headerLen > 1 << 20 || (available is long a && prefix + headerLen > a))
            throw new InputException($"{name}: .npy header length {headerLen} exceeds the file");
        var text = new byte[headerLen];
        if (ReadFully(stream, text) < headerLen)
            throw new InputException($"{name}: truncated .npy header");
        string literal = major == 3 ? Io.StrictText.Decode(text, name, prefix) : Encoding.Latin1.GetString(text);
        var dict = PyLiteral.ParseDict(literal, name);
        if (!dict.TryGetValue("descr", out var descrObj) || descrObj is not string descr)
            throw new InputException($"{name}: .npy header has no 'descr' string (structured dtypes are not supported)");
        if (!dict.TryGetValue("fortran_order", out var fo) || fo is not bool fortran)
            throw new InputException($"{name}: .npy header has no boolean 'fortran_order'");
        if (!dict.TryGetValue("shape", out var shapeObj) || shapeObj is not List<long> shape)
            throw new InputException($"{name}: .npy header has no 'shape' tuple");
        if (shape.Any(x => x < 0))
            throw new InputException($"{name}: negative dimension in shape");
        if (dict.Keys.FirstOrDefault(k => k is not ("descr" or "fortran_order" or "shape")) is { } extra)
            throw new InputException($"{name}: .npy header has an unexpected key '{extra}' (only 'descr', 'fortran_order' and 'shape' are allowed)");
        var (type, big) = ParseDescr(descr, name);
        var header = new NpyHeader(type, big, fortran, shape.ToArray(), prefix + headerLen);
        try { _ = header.DataBytes; }
        catch (OverflowException) { throw new InputException($"{name}: shape {header.ShapeText} is too large"); }
        if (available is long av && av - header.DataOffset != header.DataBytes)
            throw new InputException($"{name}: shape {header.ShapeText} of {descr} needs {header.DataBytes} data bytes, file has {av - header.DataOffset}");
        return header;
    }

    /// <summary>Serialises a version 1.0 header (padded to a multiple of 64 bytes, as NumPy does).</summary>
    public static byte[] Write(ElementType type, long[] shape)
    {
        string shapeText = shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
        string dict = $"{{'descr': '{DescrOf(type, false)}', 'fortran_order': False, 'shape': {shapeText}, }}";
        int total = 10 + dict.Length + 1;
        int padded = (total + 63) / 64 * 64;
        string body = dict + new string(' ', padded - total) + "\n";
        var bytes = new byte[10 + body.Length];
        Magic.CopyTo(bytes);
        bytes[6] = 1;
        bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), checked((ushort)body.Length));
        Encoding.Latin1.GetBytes(body, bytes.AsSpan(10));
        return bytes;
    }

    private static string DescrOf(ElementType t, bool big)
    {
        string code = t switch
        {
            ElementType.Float16 => "f2",
            ElementType.Float32 => "f4",
            ElementType.Float64 => "f8",
            ElementType.Int8 => "i1",
            ElementType.UInt8 => "u1",
            ElementType.Int16 => "i2",
            ElementType.UInt16 => "u2",
            ElementType.Int32 => "i4",
            ElementType.UInt32 => "u4",
            ElementType.Int64 => "i8",
            ElementType.UInt64 => "u8",
            _ => throw new InputException($"{t} cannot be stored in .npy"),
        };
        return (ElementTypes.Size(t) == 1 ? "|" : big ? ">" : "<") + code;
    }

    private static (ElementType, bool) ParseDescr(string descr, string name)
    {
        if (descr.Length < 3)
            throw new InputException($"{name}: unsupported dtype '{descr}'");
        char order = descr[0];
        bool big = order == '>';
        if (order is not ('<' or '>' or '|' or '='))
            throw new InputException($"{name}: unsupported dtype '{descr}'");
        if (order == '=') big = !BitConverter.IsLittleEndian;
        ElementType t = descr[1..] switch
        {
            "f2" => ElementType.Float16,
            "f4" => ElementType.Float32,
            "f8" => ElementType.Float64,
            "i1" => ElementType.Int8,
            "u1" => ElementType.UInt8,
            "b1" => ElementType.UInt8,
            "i2" => ElementType.Int16,
            "u2" => ElementType.UInt16,
            "i4" => ElementType.Int32,
            "u4" => ElementType.UInt32,
            "i8" => ElementType.Int64,
            "u8" => ElementType.UInt64,
            _ => throw new InputException($"{name}: unsupported dtype '{descr}' (supported: f2, f4, f8 and integer types)"),
        };
        return (t, big);
    }

    internal static int ReadFully(Stream s, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = s.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
