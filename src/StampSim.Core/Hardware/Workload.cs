using StampSim.Numerics;
using StampSim.Quantization;
using StampSim.Transforms;

namespace StampSim.Hardware;

/// <summary>
/// What the cost model needs to know about a layer under given numerics: token precisions,
/// stored sizes of every tensor, and the transform's work. Independent of activation values.
/// </summary>
internal sealed class Workload
{
    public Workload(LayerShape shape, NumericsConfig numerics, AcceleratorConfig accelerator)
    {
        Shape = shape;
        Numerics = numerics;
        Plan = SequenceTransforms.Plan(numerics, shape.Tokens);
        int s = shape.Tokens, d = shape.Features, n = shape.Outputs;
        HiTokens = numerics.HiTokensOf(s);
        LoTokens = s - HiTokens;
        Groups = d / ActivationQuantizer.GroupSize(numerics, d);
        if (numerics.FeatureTransform == FeatureTransformKind.Hadamard) FeatureHadamard.Validate(d);
        Minmax = numerics.ActQuant == ActQuantKind.Minmax;
        IoBytes = NumberFormats.Bytes(accelerator.IoFormat);

        HiTokenBytes = CodeBytes(d, numerics.HiBits);
        LoTokenBytes = CodeBytes(d, numerics.LoBits);
        MetaBytesPerToken = Groups * (Minmax ? 4 : 2);
        ActivationBytes = HiTokens * (HiTokenBytes + MetaBytesPerToken) + LoTokens * (LoTokenBytes + MetaBytesPerToken);
        WeightCodeBytes = (long)n * CodeBytes(d, numerics.WeightBits);
        WeightBytes = WeightCodeBytes + 2L * n + (Minmax ? 4L * n * Groups : 0);
        InputBytes = (long)s * d * IoBytes;
        OutputBytes = (long)s * n * IoBytes;
        BiasBytes = shape.HasBias ? (long)n * IoBytes : 0;
    }

    public LayerShape Shape { get; }

    public NumericsConfig Numerics { get; }

    public SequenceTransformPlan Plan { get; }

    public int HiTokens { get; }

    public int LoTokens { get; }

    public int Groups { get; }

    public bool Minmax { get; }

    public int IoBytes { get; }

    /// <summary>Bytes of one high-precision token's codes (codes of up to 4 bits are packed two per byte, wider codes take a byte).</summary>
    public long HiTokenBytes { get; }

    public long LoTokenBytes { get; }

    /// <summary>16-bit scale (and 16-bit offset for min-max) per group.</summary>
    public long MetaBytesPerToken { get; }

    /// <summary>All quantized activations: codes plus scales.</summary>
    public long ActivationBytes { get; }

    public long WeightCodeBytes { get; }

    /// <summary>Weight codes, 16-bit scales and (min-max) 32-bit row sums per group.</summary>
    public long WeightBytes { get; }

    /// <summary>X in DRAM (io format).</summary>
    public long InputBytes { get; }

    /// <summary>Y in DRAM (io format).</summary>
    public long OutputBytes { get; }

    public long BiasBytes { get; }

    /// <summary>Passes over the array a weight of <c>weight_bits</c> takes on multipliers of <c>mac_array.weight_bits</c>.</summary>
    public int WeightPasses(MacArrayConfig mac) => PeakMacRate.WeightPasses(Numerics.WeightBits, mac);

    /// <summary>Stored bytes of a run of <paramref name="count"/> codes of <paramref name="bits"/> bits.</summary>
    public static long CodeBytes(long count, int bits) => (count + CodePacking.PerByte(bits) - 1) / CodePacking.PerByte(bits);

    /// <summary>Quantized activation bytes of tokens [first, first + count).</summary>
    public long ActivationBytesOf(long first, long count)
    {
        long hi = Math.Clamp(HiTokens - first, 0, count);
        return hi * (HiTokenBytes + MetaBytesPerToken) + (count - hi) * (LoTokenBytes + MetaBytesPerToken);
    }
}
