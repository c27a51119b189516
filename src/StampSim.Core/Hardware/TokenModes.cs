namespace StampSim.Hardware;

/// <summary>How tokens of one bit-width run on the array: passes over it, columns available, and whether their MACs are charged as <c>mac_int8_token</c>.</summary>
internal readonly record struct TokenMode(int Passes, int Cols, bool Wide)
{
    public static TokenMode For(int bits, MacArrayConfig mac)
    {
        bool wide = bits > 4;
        if (!wide || mac.Multiplier == MultiplierKind.Int8) return new(1, mac.Cols, wide);
        return mac.EightBitMode == EightBitMode.Fused ? new(1, Math.Max(1, mac.Cols / 2), true) : new(2, mac.Cols, true);
    }
}
