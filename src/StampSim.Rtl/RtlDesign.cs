using StampSim.Config;
using StampSim.Hardware;
using StampSim.Numerics;

namespace StampSim.Rtl;

/// <summary>
/// The parameters of the emitted array slice, read from a config: <c>mac_array</c> (rows, cols,
/// multiplier, eight_bit_mode, weight_bits) and <c>numerics.accumulator</c> (tree_bits, acc_bits,
/// overflow). These are exactly the parameters of <c>stamp_mac_column</c> (docs/rtl.md).
/// </summary>
/// <param name="Rows">Adder-tree inputs = chunk length R (<c>ROWS</c>).</param>
/// <param name="Cols">Array columns (<c>COLS</c>; one column is the verified slice).</param>
/// <param name="Multiplier">Multiplier of each PE (<c>MULT_MODE</c>).</param>
/// <param name="ActWidth">Activation port width per row (<c>ACT_W</c>): 5 bits for int4-only, else 9.</param>
/// <param name="WeightWidth">Weight port width per row (<c>WGT_W</c>), <c>mac_array.weight_bits</c>.</param>
/// <param name="TreeBits">Adder-tree range (<c>TREE_BITS</c>).</param>
/// <param name="AccBits">Accumulator width (<c>ACC_BITS</c>).</param>
/// <param name="Overflow">Saturate or wrap (<c>SATURATE</c>).</param>
public sealed record RtlDesign(int Rows, int Cols, RtlMultiplier Multiplier, int ActWidth, int WeightWidth, int TreeBits, int AccBits, OverflowMode Overflow)
{
    /// <summary>Activation port width of every multiplier that takes 8-bit tokens: 9-bit two's complement holds 0..255 and -127..127.</summary>
    public const int WideActWidth = 9;

    /// <summary>Activation port width of the int4-only multiplier: 4-bit codes, signed (-7..7) or unsigned (0..15).</summary>
    public const int NarrowActWidth = 5;

    /// <summary>The design a config describes.</summary>
    /// <exception cref="InputException">The weight codes are wider than the multiplier takes in one pass.</exception>
    public static RtlDesign From(StampConfig config)
    {
        var mac = config.MacArray;
        var acc = config.Numerics.Accumulator;
        if (config.Numerics.WeightBits > mac.WeightBits)
            throw new InputException($"numerics.weight_bits: {config.Numerics.WeightBits}-bit weights exceed mac_array.weight_bits = {mac.WeightBits}; " +
                                     "the RTL does not model extra weight passes");
        var multiplier = mac.Multiplier == MultiplierKind.Int8 ? RtlMultiplier.Int8
            : mac.EightBitMode == EightBitMode.Fused ? RtlMultiplier.Int4Fused : RtlMultiplier.Int4TwoPass;
        return new RtlDesign(mac.Rows, mac.Cols, multiplier, WideActWidth, mac.WeightBits, acc.TreeBits, acc.AccBits, acc.Overflow);
    }

    /// <summary>The same column with another multiplier (for the synthesis variants).</summary>
    public RtlDesign WithMultiplier(RtlMultiplier multiplier) =>
        this with { Multiplier = multiplier, ActWidth = multiplier == RtlMultiplier.Int4 ? NarrowActWidth : WideActWidth };

    /// <summary>True when a token of <paramref name="tokenBits"/> bits is wider than the native multiplier (the <c>wide</c> port).</summary>
    public bool IsWide(int tokenBits) => Multiplier != RtlMultiplier.Int8 && tokenBits > 4;

    /// <summary>Array passes one chunk of a token of <paramref name="tokenBits"/> bits takes.</summary>
    public int Passes(int tokenBits) => Multiplier == RtlMultiplier.Int4TwoPass && IsWide(tokenBits) ? 2 : 1;

    /// <summary>The SystemVerilog parameter values, by name.</summary>
    public IReadOnlyList<(string Name, string Value)> Parameters() =>
    [
        ("ROWS", Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("ACT_W", ActWidth.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("WGT_W", WeightWidth.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("TREE_BITS", TreeBits.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("ACC_BITS", AccBits.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("SATURATE", Overflow == OverflowMode.Saturate ? "1" : "0"),
        ("MULT_MODE", ((int)Multiplier).ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
