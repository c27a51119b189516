using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace StampSim.Traces;

/// <summary>Encodes float32 values as the little-endian bytes of a trace dtype (F32, F16, BF16), rounding to nearest even.</summary>
public static class TraceEncoding
{
    /// <summary>Elements encoded per write when streaming, so no second full-size copy exists.</summary>
    private const int Chunk = 1 << 16;

    /// <summary>Encodes <paramref name="source"/> into <paramref name="dest"/> (exactly the tensor's bytes).</summary>
    /// <param name="source">The values.</param>
    /// <param name="type">F32, F16 or BF16.</param>
    /// <param name="dest">Destination bytes.</param>
    /// <param name="what">Tensor name for messages.</param>
    /// <param name="offset">Flat index of <c>source[0]</c> within the tensor, for messages.</param>
    /// <exception cref="InputException">A value is not finite, or becomes infinite in the narrower type.</exception>
    public static void Encode(ReadOnlySpan<float> source, ElementType type, Span<byte> dest, string what, long offset = 0)
    {
        if (dest.Length != source.Length * ElementTypes.Size(type))
            throw new ArgumentException("destination length does not match the source");
        switch (type)
        {
            case ElementType.Float32:
                for (int i = 0; i < source.Length; i++)
                {
                    Check(source[i], source[i], type, what, offset + i);
                    BinaryPrimitives.WriteSingleLittleEndian(dest[(4 * i)..], source[i]);
                }
                break;
            case ElementType.Float16:
                for (int i = 0; i < source.Length; i++)
                {
                    var h = (Half)source[i];
                    Check(source[i], (float)h, type, what, offset + i);
                    BinaryPrimitives.WriteHalfLittleEndian(dest[(2 * i)..], h);
                }
                break;
            case ElementType.BFloat16:
                for (int i = 0; i < source.Length; i++)
                {
                    ushort b = ToBFloat16(source[i]);
                    Check(source[i], BitConverter.UInt32BitsToSingle((uint)b << 16), type, what, offset + i);
                    BinaryPrimitives.WriteUInt16LittleEndian(dest[(2 * i)..], b);
                }
                break;
            default:
                throw new ArgumentException($"{type} is not a trace dtype (F32, F16 or BF16)", nameof(type));
        }
    }

    /// <summary>Encodes and writes <paramref name="source"/> to <paramref name="stream"/> chunk by chunk.</summary>
    public static void Write(Stream stream, ReadOnlySpan<float> source, ElementType type, string what)
    {
        if (type == ElementType.Float32 && BitConverter.IsLittleEndian)
        {
            for (int i = 0; i < source.Length; i++) Check(source[i], source[i], type, what, i);
            stream.Write(MemoryMarshal.AsBytes(source));
            return;
        }
        var buffer = new byte[Math.Min(Chunk, source.Length) * ElementTypes.Size(type)];
        for (int start = 0; start < source.Length; start += Chunk)
        {
            var part = source.Slice(start, Math.Min(Chunk, source.Length - start));
            var bytes = buffer.AsSpan(0, part.Length * ElementTypes.Size(type));
            Encode(part, type, bytes, what, start);
            stream.Write(bytes);
        }
    }

    /// <summary>float32 → bfloat16 with round-to-nearest-even on the dropped 16 bits.</summary>
    public static ushort ToBFloat16(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value)) return (ushort)((bits >> 16) | 0x40);
        uint roundingBias = 0x7FFF + ((bits >> 16) & 1);
        return (ushort)((bits + roundingBias) >> 16);
    }

    private static void Check(float original, float stored, ElementType type, string what, long index)
    {
        if (float.IsFinite(stored)) return;
        throw new InputException(float.IsFinite(original)
            ? $"{what}: value {original:R} at flat index {index} does not fit {Name(type)}"
            : $"{what}: {(float.IsNaN(original) ? "NaN" : "infinity")} at flat index {index}");
    }

    private static string Name(ElementType type) => Safetensors.SafetensorsDTypes.Name(type);
}
