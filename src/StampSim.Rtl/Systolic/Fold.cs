namespace StampSim.Rtl.Systolic;

/// <summary>
/// One fold of the array's schedule: tokens [<see cref="Token0"/>, +<see cref="Tokens"/>) against the
/// weights of channels [<see cref="N0"/>, +<see cref="Channels"/>) and reduction indices
/// [<see cref="K0"/>, +<see cref="KLength"/>) of activation group <see cref="Group"/>.
/// </summary>
/// <param name="Token0">First token.</param>
/// <param name="Tokens">Tokens streamed.</param>
/// <param name="K0">First reduction index (a chunk of the numerics contract).</param>
/// <param name="KLength">Reduction indices, at most the array's rows.</param>
/// <param name="N0">First output channel.</param>
/// <param name="Channels">Output channels: at most the columns, half of them on a fused fold.</param>
/// <param name="Group">Activation group of the chunk.</param>
/// <param name="First">The chunk opens its group: the accumulators restart.</param>
/// <param name="Fused">Wide tokens on column pairs (channel j on columns 2j and 2j + 1).</param>
public readonly record struct Fold(int Token0, int Tokens, int K0, int KLength, int N0, int Channels, int Group, bool First, bool Fused)
{
    /// <summary>Physical columns the fold occupies.</summary>
    public int Columns => Fused ? 2 * Channels : Channels;

    /// <summary>The fold as one 128-bit word of <c>prog.hex</c> (fields of 16 bits; docs/rtl.md).</summary>
    public UInt128 Word() =>
        (UInt128)(ushort)Token0 | (UInt128)(ushort)Tokens << 16 | (UInt128)(ushort)K0 << 32 | (UInt128)(ushort)KLength << 48 |
        (UInt128)(ushort)N0 << 64 | (UInt128)(ushort)Channels << 80 | (UInt128)(ushort)Group << 96 |
        (UInt128)(First ? 1u : 0u) << 112 | (UInt128)(Fused ? 1u : 0u) << 113;
}
