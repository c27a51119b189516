using System.Buffers.Binary;

namespace StampSim.Traces;

/// <summary>Element types StampSim reads from tensor files (.npy, .npz, .safetensors).</summary>
public enum ElementType
{
    /// <summary>IEEE binary16.</summary>
    Float16,
    /// <summary>bfloat16 (the top half of a binary32).</summary>
    BFloat16,
    /// <summary>IEEE binary32.</summary>
    Float32,
    /// <summary>IEEE binary64.</summary>
    Float64,
    /// <summary>Signed 8-bit integer.</summary>
    Int8,
    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8,
    /// <summary>Signed 16-bit integer.</summary>
    Int16,
    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16,
    /// <summary>Signed 32-bit integer.</summary>
    Int32,
    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32,
    /// <summary>Signed 64-bit integer.</summary>
    Int64,
    /// <summary>Unsigned 64-bit integer.</summary>
    UInt64,
}

/// <summary>Sizes of element types and exact conversions between them.</summary>
public static class ElementTypes
{
    /// <summary>Bytes per element.</summary>
    public static int Size(ElementType t) => t switch
    {
        ElementType.Int8 or ElementType.UInt8 => 1,
        ElementType.Float16 or ElementType.BFloat16 or ElementType.Int16 or ElementType.UInt16 => 2,
        ElementType.Float32 or ElementType.Int32 or ElementType.UInt32 => 4,
        _ => 8,
    };

    /// <summary>True for the floating-point types.</summary>
    public static bool IsFloat(ElementType t) =>
        t is ElementType.Float16 or ElementType.BFloat16 or ElementType.Float32 or ElementType.Float64;

    /// <summary>
    /// Converts raw elements to float32. Float16, BFloat16 and Float32 widen exactly; Float64 and
    /// wide integers round to nearest even, and the number of values that changed is returned.
    /// </summary>
    public static long ToFloat32(ReadOnlySpan<byte> raw, ElementType type, bool bigEndian, Span<float> dest)
    {
        int size = Size(type);
        if (raw.Length != dest.Length * size)
            throw new ArgumentException("raw length does not match destination");
        long lossy = 0;
        switch (type)
        {
            case ElementType.Float32 when !bigEndian:
                System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(raw).CopyTo(dest);
                break;
            case ElementType.Float32:
                for (int i = 0; i < dest.Length; i++)
                    dest[i] = BinaryPrimitives.ReadSingleBigEndian(raw.Slice(4 * i));
                break;
            case ElementType.Float16 when !bigEndian && BitConverter.IsLittleEndian:
                System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(raw), dest);
                break;
            case ElementType.Float16:
                for (int i = 0; i < dest.Length; i++)
                    dest[i] = (float)(bigEndian ? BinaryPrimitives.ReadHalfBigEndian(raw.Slice(2 * i)) : BinaryPrimitives.ReadHalfLittleEndian(raw.Slice(2 * i)));
                break;
            case ElementType.BFloat16:
                for (int i = 0; i < dest.Length; i++)
                {
                    uint bits = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(raw.Slice(2 * i)) : BinaryPrimitives.ReadUInt16LittleEndian(raw.Slice(2 * i));
                    dest[i] = BitConverter.UInt32BitsToSingle(bits << 16);
                }
                break;
            case ElementType.Float64:
                for (int i = 0; i < dest.Length; i++)
                {
                    double v = bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(raw.Slice(8 * i)) : BinaryPrimitives.ReadDoubleLittleEndian(raw.Slice(8 * i));
                    float f = (float)v;
                    if (f != v && !(double.IsNaN(v))) lossy++;
                    dest[i] = f;
                }
                break;
            default:
                for (int i = 0; i < dest.Length; i++)
                {
                    long v = ReadInteger(raw.Slice(size * i, size), type, bigEndian, out ulong big);
                    float f = type == ElementType.UInt64 ? big : v;
                    if (type == ElementType.UInt64 ? (ulong)f != big : (long)f != v) lossy++;
                    dest[i] = f;
                }
                break;
        }
        return lossy;
    }

    /// <summary>Reads integer elements as 64-bit values; rejects unsigned 64-bit values above <see cref="long.MaxValue"/>.</summary>
    public static void ToInt64(ReadOnlySpan<byte> raw, ElementType type, bool bigEndian, Span<long> dest, string what)
    {
        if (IsFloat(type))
            throw new InputException($"{what}: expected an integer dtype, found {type}");
        int size = Size(type);
        for (int i = 0; i < dest.Length; i++)
        {
            long v = ReadInteger(raw.Slice(size * i, size), type, bigEndian, out ulong big);
            if (type == ElementType.UInt64 && big > long.MaxValue)
                throw new InputException($"{what}: value {big} at flat index {i} does not fit a signed 64-bit integer");
            dest[i] = v;
        }
    }

    private static long ReadInteger(ReadOnlySpan<byte> b, ElementType type, bool be, out ulong big)
    {
        big = 0;
        switch (type)
        {
            case ElementType.Int8: return (sbyte)b[0];
            case ElementType.UInt8: return b[0];
            case ElementType.Int16: return be ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b);
            case ElementType.UInt16: return be ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);
            case ElementType.Int32: return be ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b);
            case ElementType.UInt32: return be ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);
            case ElementType.Int64: return be ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b);
            case ElementType.UInt64:
                big = be ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b);
                return unchecked((long)big);
            default: throw new ArgumentOutOfRangeException(nameof(type));
        }
    }
}
