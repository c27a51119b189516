using StampSim.Evaluation;
using StampSim.Rtl.Systolic;

namespace StampSim.Rtl.Synthesis;

/// <summary>
/// Synthesises the whole weight-stationary array of a config with the column's Yosys flow: one
/// <c>stamp_ws_pe</c> (column 0) and the whole <c>stamp_ws_array</c> (<c>stamp_ws_system</c>'s memories and
/// sequencer are simulation only and are not synthesised). Arrays above <see cref="MaxSynthesisedPes"/> PEs
/// take too long for the generic flow (a 16x16 array takes two minutes on two cores, a 32x32 one seven CPU
/// minutes and 2.6 GB: the time grows faster than the PE count), so their size is estimated from the PE.
/// </summary>
public static class ArraySynth
{
    /// <summary>The largest array synthesised whole: 16 x 16 PEs.</summary>
    public const int MaxSynthesisedPes = 256;

    /// <summary>Synthesises the PE and the array (or estimates the array) of <paramref name="design"/> in <paramref name="workDirectory"/>.</summary>
    /// <exception cref="InputException">Yosys is missing or fails.</exception>
    public static ArrayArea Run(ArrayDesign design, string workDirectory)
    {
        var pe = Pe(design, workDirectory);
        if (!SynthesisesWhole(design)) return new ArrayArea(design, pe, Estimate(design, pe), Synthesised: false);
        var array = YosysFlow.Run(workDirectory, "ws_array", Emit(design, workDirectory), ArrayTop, ArrayParameters(design), "the whole array");
        return new ArrayArea(design, pe, array, Synthesised: true);
    }

    /// <summary>Synthesises one PE of <paramref name="design"/> (column 0) in <paramref name="workDirectory"/>.</summary>
    /// <exception cref="InputException">Yosys is missing or fails.</exception>
    public static GateCount Pe(ArrayDesign design, string workDirectory) =>
        YosysFlow.Run(workDirectory, "ws_pe", Emit(design, workDirectory), PeTop, PeParameters(design), "the array's PE");

    /// <summary>True when <see cref="Run"/> synthesises the whole array rather than estimating it.</summary>
    public static bool SynthesisesWhole(ArrayDesign design) => design.Pes <= MaxSynthesisedPes;

    /// <summary>
    /// The array as PEs x <paramref name="pe"/> plus the skew registers. An upper bound: synthesis of the whole
    /// array merges registers that hold the same value (a slot's flags and tile width travel the anti-diagonals
    /// identically) and drops outputs nothing reads (the right column's activations).
    /// </summary>
    public static GateCount Estimate(ArrayDesign design, GateCount pe)
    {
        long skew = SkewFlipFlops(design);
        return new GateCount(design.Pes * pe.Cells + skew, design.Pes * pe.Transistors, design.Pes * pe.FlipFlops + skew);
    }

    /// <summary>
    /// Flip-flops of <c>stamp_ws_array</c>'s left-edge skew: row r delays a slot r cycles, each stage holding the
    /// activation, the 16-bit tile width and five flags (valid, start, wide, pass, row in tile). They are
    /// enabled registers without logic, one cell each.
    /// </summary>
    public static long SkewFlipFlops(ArrayDesign design)
    {
        long rows = design.Column.Rows;
        return rows * (rows - 1) / 2 * (design.Column.ActWidth + 16 + 5);
    }

    /// <summary>The <c>chparam</c> values of the PE: the array's widths, column 0.</summary>
    internal static IReadOnlyList<(string Name, string Value)> PeParameters(ArrayDesign design) =>
    [
        Column(design, "ACT_W"), Column(design, "WGT_W"), ("SUM_W", Text(design.SumWidth)), Column(design, "MULT_MODE"),
        ("COL", "0"), DoubleBuf(design),
    ];

    /// <summary>The <c>chparam</c> values of the array.</summary>
    internal static IReadOnlyList<(string Name, string Value)> ArrayParameters(ArrayDesign design) =>
    [
        Column(design, "ROWS"), ("COLS", Text(design.Column.Cols)), Column(design, "ACT_W"), Column(design, "WGT_W"),
        ("SUM_W", Text(design.SumWidth)), Column(design, "MULT_MODE"), DoubleBuf(design),
    ];

    /// <summary>The Yosys script of the whole array (for inspection and tests).</summary>
    internal static string ArrayScript(ArrayDesign design) => YosysFlow.Script(Sources, ArrayTop, ArrayParameters(design), "s.txt", "c.txt");

    /// <summary>The Yosys script of the PE (for inspection and tests).</summary>
    internal static string PeScript(ArrayDesign design) => YosysFlow.Script(Sources, PeTop, PeParameters(design), "s.txt", "c.txt");

    private const string PeTop = "stamp_ws_pe";
    private const string ArrayTop = "stamp_ws_array";

    /// <summary>The array's modules without <c>stamp_ws_system</c> (memories and sequencer: simulation only).</summary>
    private static IReadOnlyList<string> Sources { get; } = RtlEmitter.ArrayDesignFiles.Where(f => f != "stamp_ws_system.sv").ToList();

    private static IReadOnlyList<string> Emit(ArrayDesign design, string workDirectory)
    {
        RtlEmitter.EmitArray(design, "rtl synth", workDirectory);
        return Sources;
    }

    // The column's values carry the one mapping from the config (RtlDesign.Parameters).
    private static (string Name, string Value) Column(ArrayDesign design, string name) => design.Column.Parameters().Single(p => p.Name == name);

    private static (string Name, string Value) DoubleBuf(ArrayDesign design) => design.Parameters().Single(p => p.Name == "DOUBLE_BUF");

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
