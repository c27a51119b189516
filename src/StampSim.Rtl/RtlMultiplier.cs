namespace StampSim.Rtl;

/// <summary>
/// The multiplier of one processing element in the emitted RTL (the <c>MULT_MODE</c> parameter of
/// <c>stamp_pe_mul</c>): <c>mac_array.multiplier</c> and <c>eight_bit_mode</c> together.
/// </summary>
public enum RtlMultiplier
{
    /// <summary>int4 native only: 4-bit tokens in one pass, no 8-bit support (a synthesis variant).</summary>
    Int4 = 0,
    /// <summary>int4 with <c>eight_bit_mode: two_pass</c>: low nibble pass, then high nibble pass shifted by 4.</summary>
    Int4TwoPass = 1,
    /// <summary>int4 with <c>eight_bit_mode: fused</c>: Bit Fusion pairs of bricks form one 8b multiplier.</summary>
    Int4Fused = 2,
    /// <summary>int8 native: every token in one pass.</summary>
    Int8 = 3,
}
