using System.Text.Json.Serialization;
using StampSim.Numerics;

namespace StampSim.Hardware;

/// <summary>The native multiplier of each processing element.</summary>
[JsonConverter(typeof(ConfigNameJsonConverter<MultiplierKind>))]
public enum MultiplierKind
{
    /// <summary>4-bit activations x 4-bit weights.</summary>
    Int4,
    /// <summary>8-bit x 8-bit.</summary>
    Int8,
}

/// <summary>How activation tokens wider than 4 bits run on an int4 array.</summary>
[JsonConverter(typeof(ConfigNameJsonConverter<EightBitMode>))]
public enum EightBitMode
{
    /// <summary>Nibble-serial: two passes over the array, low then high nibble.</summary>
    TwoPass,
    /// <summary>Bit Fusion: pairs of int4 units fuse into one wider multiplier, halving the columns.</summary>
    Fused,
    /// <summary>The multiplier handles 8 bits directly (int8 arrays).</summary>
    Native,
}

/// <summary>The MAC array: reduction length, output width, dataflow and native precision.</summary>
public sealed record MacArrayConfig
{
    /// <summary>Rows = products summed by one adder tree (the reduction chunk length R of the numerics).</summary>
    public int Rows { get; init; } = 16;

    /// <summary>Columns = output channels computed in parallel.</summary>
    public int Cols { get; init; } = 16;

    /// <summary>Dataflow.</summary>
    public Dataflow Dataflow { get; init; } = Dataflows.Ws;

    /// <summary>Native multiplier.</summary>
    public MultiplierKind Multiplier { get; init; } = MultiplierKind.Int4;

    /// <summary>How activation tokens wider than the multiplier run.</summary>
    public EightBitMode EightBitMode { get; init; } = EightBitMode.TwoPass;

    /// <summary>Native weight width of the multiplier; wider weights take extra passes.</summary>
    public int WeightBits { get; init; } = 4;

    /// <summary>
    /// Bytes per cycle of the port that loads weights into the processing elements (<c>weight_load_bandwidth</c>);
    /// null: the weight buffer's read bandwidth.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? WeightLoadBandwidth { get; init; }

    /// <summary>
    /// True when each processing element has a second weight register (<c>double_buffered_weights</c>), so the
    /// next fold's weights load while the current fold streams (as TPU v1's matrix unit does).
    /// </summary>
    public bool DoubleBufferedWeights { get; init; } = true;
}
