namespace StampSim.Rtl.Synthesis;

/// <summary>One synthesised PE column.</summary>
/// <param name="Key">Report key: <c>int4</c>, <c>int8</c> or <c>int8_two_pass</c>.</param>
/// <param name="Design">The column's parameters.</param>
/// <param name="Cells">Yosys <c>stat</c> cell count after generic synthesis (gates and flip-flops).</param>
/// <param name="Transistors">Yosys <c>stat -tech cmos</c> transistor estimate (combinational gates only).</param>
/// <param name="FlipFlops">Flip-flop cells among <see cref="Cells"/>, which <see cref="Transistors"/> leaves out.</param>
/// <param name="PassesPerWideToken">Array passes (cycles) one chunk of an 8-bit token takes on this column; null when it cannot take 8-bit tokens.</param>
public sealed record SynthVariant(string Key, RtlDesign Design, long Cells, long Transistors, long FlipFlops, int? PassesPerWideToken);
