using StampSim.Hardware;

namespace StampSim.Config;

/// <summary>Reads the <c>mac_array</c> section of a config into <see cref="MacArrayConfig"/>.</summary>
public static class MacArraySection
{
    /// <summary>Reads the <c>mac_array</c> section.</summary>
    public static MacArrayConfig Read(ConfigSection s)
    {
        var d = new MacArrayConfig();
        var result = new MacArrayConfig
        {
            Rows = s.Int("rows", d.Rows, 1, 65536),
            Cols = s.Int("cols", d.Cols, 1, 65536),
            Dataflow = s.Parsed("dataflow", d.Dataflow, Dataflows.Named),
            Multiplier = s.Enum("multiplier", d.Multiplier),
            EightBitMode = s.Enum("eight_bit_mode", d.EightBitMode),
            WeightBits = s.Int("weight_bits", d.WeightBits, 2, 8),
            WeightLoadBandwidth = s.Has("weight_load_bandwidth") ? s.RequiredParsed("weight_load_bandwidth", Units.BytesPerCycle) : null,
            DoubleBufferedWeights = s.Bool("double_buffered_weights", d.DoubleBufferedWeights),
        };
        if (result.WeightLoadBandwidth <= 0) throw s.Error("weight_load_bandwidth", "must be positive");
        if (result.WeightLoadBandwidth is double load) PhysicalRange.PortBandwidth.Check(s, "weight_load_bandwidth", load);
        if (result.Multiplier == MultiplierKind.Int8 && result.EightBitMode != EightBitMode.Native)
            throw s.Error("eight_bit_mode", "an int8 multiplier runs 8-bit tokens natively: set eight_bit_mode: native");
        if (result.Multiplier == MultiplierKind.Int4 && result.EightBitMode == EightBitMode.Native)
            throw s.Error("eight_bit_mode", "an int4 multiplier cannot run 8-bit tokens natively: use two_pass or fused");
        s.RejectUnknownKeys();
        return result;
    }
}
