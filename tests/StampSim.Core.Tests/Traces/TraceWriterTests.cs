using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using StampSim.Traces;
using StampSim.Tests.Support;

namespace StampSim.Tests.Traces;

/// <summary>Traces written by <see cref="TraceWriter"/> read back exactly, follow the safetensors layout, and are validated before writing.</summary>
public class TraceWriterTests
{
    private static TraceWriter Writer() => new("m", "tests", "CC0-1.0", new TraceInput("seed", Seed: 3));

    private static float[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-20, 12)))).ToArray();
    }

    [Theory]
    [InlineData(ElementType.Float32)]
    [InlineData(ElementType.Float16)]
    [InlineData(ElementType.BFloat16)]
    public void Every_dtype_round_trips_with_round_to_nearest_even(ElementType type)
    {
        using var dir = new TempDir();
        var x = Values(5 * 8, 1);
        var w = Values(3 * 8, 2);
        var b = Values(3, 3);
        var writer = Writer();
        writer.AddTensor("x", type, [5, 8], x);
        writer.AddTensor("w", type, [3, 8], () => w);
        writer.AddTensor("b", type, [3], b);
        writer.AddLayer(new TraceLayer("l", "linear", 0, "x", "w", "b"));
        writer.Write(dir.File("t.safetensors"));

        using var trace = TraceFile.Open(dir.File("t.safetensors"));
        var inputs = trace.Load(trace.Layer("l"));
        Assert.Equal(x.Select(v => Rounded(v, type)), inputs.X.Data);
        Assert.Equal(w.Select(v => Rounded(v, type)), inputs.W.Data);
        Assert.Equal(b.Select(v => Rounded(v, type)), inputs.Bias!);
    }

    // Independent references: Half's conversion, and bfloat16 rounding done on the float's value.
    private static float Rounded(float v, ElementType type) => type switch
    {
        ElementType.Float16 => (float)(Half)v,
        ElementType.BFloat16 => BFloat16Reference(v),
        _ => v,
    };

    private static float BFloat16Reference(float v)
    {
        uint bits = BitConverter.SingleToUInt32Bits(v);
        float down = BitConverter.UInt32BitsToSingle(bits & 0xFFFF0000);
        float up = BitConverter.UInt32BitsToSingle((bits & 0xFFFF0000) + 0x10000);
        double dDown = Math.Abs((double)v - down), dUp = Math.Abs((double)up - v);
        if (dDown != dUp) return dDown < dUp ? down : up;
        return (BitConverter.SingleToUInt32Bits(down) & 0x10000) == 0 ? down : up;
    }

    [Fact]
    public void The_file_follows_the_safetensors_layout()
    {
        using var dir = new TempDir();
        var writer = Writer();
        writer.AddTensor("x", ElementType.Float16, [2, 3], [1, 2, 3, 4, 5, 6]);
        writer.AddTensor("w", ElementType.Float32, [1, 3], [1, 0, -1]);
        writer.AddLayer(new TraceLayer("l", "linear", null, "x", "w", null));
        writer.Write(dir.File("t.safetensors"));

        var bytes = File.ReadAllBytes(dir.File("t.safetensors"));
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0UL, n % 8);
        Assert.Equal((long)(8 + n + 12 + 12), bytes.LongLength);
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, (int)n).TrimEnd(' '));
        var x = header.RootElement.GetProperty("x");
        Assert.Equal("F16", x.GetProperty("dtype").GetString());
        Assert.Equal([0L, 12L], x.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal([12L, 24L], header.RootElement.GetProperty("w").GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()));
        var manifest = header.RootElement.GetProperty("__metadata__").GetProperty("stampsim_trace").GetString()!;
        Assert.StartsWith("{\"format_version\":1,\"model\":\"m\"", manifest);
        Assert.Equal((Half)1, BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan((int)(8 + n))));
    }

    [Fact]
    public void A_layer_naming_a_missing_tensor_is_rejected_and_nothing_is_written()
    {
        using var dir = new TempDir();
        var writer = Writer();
        writer.AddTensor("x", ElementType.Float32, [2, 3], new float[6]);
        writer.AddLayer(new TraceLayer("l", "linear", null, "x", "w", null));
        var e = Assert.Throws<InputException>(() => writer.Write(dir.File("t.safetensors")));
        Assert.Contains("layer 'l': weight key 'w' is not in the file", e.Message);
        Assert.Empty(Directory.GetFiles(dir.Root));
    }

    [Fact]
    public void A_value_too_large_for_F16_fails_and_leaves_no_file()
    {
        using var dir = new TempDir();
        var writer = Writer();
        writer.AddTensor("x", ElementType.Float32, [1, 2], [1, 2]);
        writer.AddTensor("w", ElementType.Float16, [1, 2], () => [1f, 70000f]);
        writer.AddLayer(new TraceLayer("l", "linear", null, "x", "w", null));
        var e = Assert.Throws<InputException>(() => writer.Write(dir.File("t.safetensors")));
        Assert.Equal("tensor 'w': value 70000 at flat index 1 does not fit F16", e.Message);
        Assert.Empty(Directory.GetFiles(dir.Root));
    }

    [Fact]
    public void BFloat16_rounds_ties_to_even()
    {
        Assert.Equal(0x3F80, TraceEncoding.ToBFloat16(BitConverter.UInt32BitsToSingle(0x3F808000))); // tie, even below
        Assert.Equal(0x3F82, TraceEncoding.ToBFloat16(BitConverter.UInt32BitsToSingle(0x3F818000))); // tie, even above
        Assert.Equal(0x3F81, TraceEncoding.ToBFloat16(BitConverter.UInt32BitsToSingle(0x3F808001))); // above the tie
        Assert.Equal(0x7F80, TraceEncoding.ToBFloat16(float.PositiveInfinity));
    }
}
