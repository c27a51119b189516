using System.Buffers.Binary;
using StampSim.Traces;

namespace StampSim.Tests.Traces;

/// <summary>
/// <see cref="FloatChunks"/> reads the same values with any number of workers: a stream source is called in
/// ascending order, a positional one from several threads, and a failing source fails with its own error.
/// </summary>
public class FloatChunksTests
{
    // Over two 4 MB chunks of every element size, with a partial last chunk.
    private const int Count = 2_500_003;

    public static TheoryData<ElementType, bool> Types => new()
    {
        { ElementType.Float32, false },
        { ElementType.Float32, true },
        { ElementType.Float16, false },
        { ElementType.BFloat16, false },
        { ElementType.Float64, false },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_thread_count_reads_the_same_values_and_rounding_count(ElementType type, bool bigEndian)
    {
        var raw = Encode(type, bigEndian);
        var one = new float[Count];
        long roundedOne = FloatChunks.Read((at, d) => raw.AsSpan((int)at, d.Length).CopyTo(d), type, bigEndian, one);
        foreach (int threads in new[] { 2, 3, 8 })
        {
            var many = new float[Count];
            long rounded = FloatChunks.Read((at, d) => raw.AsSpan((int)at, d.Length).CopyTo(d), type, bigEndian, many, threads);
            Assert.Equal(roundedOne, rounded);
            Assert.True(one.AsSpan().SequenceEqual(many), $"{type} with {threads} threads");
        }
        Assert.Equal(Value(Count - 1, type), one[^1]);
        if (type == ElementType.Float64) Assert.True(roundedOne > 0);
    }

    [Fact]
    public void One_thread_asks_for_the_bytes_in_ascending_order()
    {
        var raw = Encode(ElementType.Float16, bigEndian: false);
        var offsets = new List<long>();
        FloatChunks.Read((at, d) => { offsets.Add(at); raw.AsSpan((int)at, d.Length).CopyTo(d); }, ElementType.Float16, false, new float[Count]);
        Assert.True(offsets.Count > 1);
        Assert.Equal(offsets.Order(), offsets);
        Assert.Equal(0, offsets[0]);
    }

    [Fact]
    public void A_failing_source_fails_with_its_own_error_on_any_thread_count()
    {
        foreach (int threads in new[] { 1, 2 })
        {
            var e = Assert.Throws<InputException>(() => FloatChunks.Read((at, _) =>
            {
                if (at > 0) throw new InputException("x.npy: truncated data");
            }, ElementType.Float32, false, new float[Count], threads));
            Assert.Equal("x.npy: truncated data", e.Message);
        }
    }

    private static float Value(int i, ElementType type)
    {
        double v = Math.Sin(i * 0.001) * (1 + i % 7) + 1e-9 * i;
        return type switch
        {
            ElementType.Float16 => (float)(Half)v,
            ElementType.BFloat16 => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits((float)v) & unchecked((int)0xFFFF0000)),
            _ => (float)v,
        };
    }

    private static byte[] Encode(ElementType type, bool bigEndian)
    {
        int size = ElementTypes.Size(type);
        var raw = new byte[(long)Count * size];
        for (int i = 0; i < Count; i++)
        {
            var at = raw.AsSpan(i * size, size);
            double v = Math.Sin(i * 0.001) * (1 + i % 7) + 1e-9 * i;
            switch (type)
            {
                case ElementType.Float32 when bigEndian: BinaryPrimitives.WriteSingleBigEndian(at, (float)v); break;
                case ElementType.Float32: BinaryPrimitives.WriteSingleLittleEndian(at, (float)v); break;
                case ElementType.Float16: BinaryPrimitives.WriteHalfLittleEndian(at, (Half)v); break;
                case ElementType.BFloat16: BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)(BitConverter.SingleToUInt32Bits(Value(i, type)) >> 16)); break;
                case ElementType.Float64: BinaryPrimitives.WriteDoubleLittleEndian(at, v); break;
                default: throw new ArgumentOutOfRangeException(nameof(type));
            }
        }
        return raw;
    }
}
