using StampSim.Rtl.Systolic;

namespace StampSim.Rtl.Synthesis;

/// <summary>The whole weight-stationary array's size after Yosys' generic synthesis (<see cref="ArraySynth"/>).</summary>
/// <param name="Design">The array.</param>
/// <param name="Pe">One <c>stamp_ws_pe</c> (column 0) on its own, every port kept.</param>
/// <param name="Array">The whole <c>stamp_ws_array</c>: PEs and the left-edge skew registers.</param>
/// <param name="Synthesised">
/// True when <see cref="Array"/> is the synthesised array; false when it is the estimate (PEs x <see cref="Pe"/> plus the
/// skew registers), used above <see cref="ArraySynth.MaxSynthesisedPes"/> PEs.
/// </param>
public sealed record ArrayArea(ArrayDesign Design, GateCount Pe, GateCount Array, bool Synthesised);
