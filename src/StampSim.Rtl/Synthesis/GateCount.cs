namespace StampSim.Rtl.Synthesis;

/// <summary>The size of one module after Yosys' generic synthesis (technology-independent gate counts, not energies).</summary>
/// <param name="Cells">Yosys <c>stat</c> cell count (gates and flip-flops).</param>
/// <param name="Transistors">Yosys <c>stat -tech cmos</c> transistor estimate (combinational gates only).</param>
/// <param name="FlipFlops">Flip-flop cells among <see cref="Cells"/>, which <see cref="Transistors"/> leaves out.</param>
public sealed record GateCount(long Cells, long Transistors, long FlipFlops);
