using System.Globalization;
using StampSim.Config;
using StampSim.Hardware;

namespace StampSim.Rtl.Systolic;

/// <summary>
/// The whole weight-stationary array a config describes (<c>stamp_ws_system</c>, docs/rtl.md): the PE
/// column's parameters (<see cref="RtlDesign"/>) on every column, plus the weight path: the codes the load
/// port moves per cycle (<c>mac_array.weight_load_bandwidth</c>, else the weight buffer's read bandwidth, at
/// the stored code width) and whether each PE has a shadow weight register (<c>double_buffered_weights</c>).
/// </summary>
/// <param name="Column">The PE column's parameters.</param>
/// <param name="DoubleBuffered">Each PE has a shadow weight register.</param>
/// <param name="LoadBytesPerCycle">Bytes per cycle of the weight load port.</param>
/// <param name="LoadCodesPerCycle">Weight codes per cycle of the load port.</param>
/// <param name="CodeBits">Bits of a stored weight code (<c>numerics.weight_bits</c>).</param>
public sealed record ArrayDesign(RtlDesign Column, bool DoubleBuffered, double LoadBytesPerCycle, int LoadCodesPerCycle, int CodeBits)
{
    /// <summary>The array of <paramref name="config"/>.</summary>
    /// <exception cref="InputException">The config has no hardware, is not weight stationary, or its load port moves a fractional number of codes per cycle.</exception>
    public static ArrayDesign From(StampConfig config)
    {
        var hw = config.Accelerator ?? throw new InputException("the config has no accelerator section (clock_ghz, mac_array, buffers): the array RTL is built from it");
        var mac = config.MacArray;
        if (mac.Dataflow != Dataflows.Ws)
            throw new InputException($"mac_array.dataflow: the array RTL is weight stationary (ws); {mac.Dataflow.Name} is not built");
        var column = RtlDesign.From(config);
        double bytes = hw.WeightLoadBandwidth(mac);
        double codes = bytes * CodePacking.PerByte(config.Numerics.WeightBits);
        if (codes < 1 || codes != Math.Floor(codes) || codes > 1 << 20)
            throw new InputException($"mac_array.weight_load_bandwidth: {bytes.ToString(CultureInfo.InvariantCulture)} B/cycle is not a whole number of " +
                                     $"{config.Numerics.WeightBits}-bit weight codes per cycle; the RTL load port moves whole codes");
        return new ArrayDesign(column, mac.DoubleBufferedWeights, bytes, (int)codes, config.Numerics.WeightBits);
    }

    /// <summary>Columns a fold of wide tokens uses: column pairs fuse on a fused array.</summary>
    public int WideColumns => Column.Multiplier == RtlMultiplier.Int4Fused ? Column.Cols / 2 : Column.Cols;

    /// <summary>Processing elements in the array.</summary>
    public long Pes => (long)Column.Rows * Column.Cols;

    /// <summary>
    /// Bits of a PE's partial sum (<c>SUM_W</c>, as <c>stamp_ws_system</c> computes it): a product plus
    /// <c>clog2(ROWS) + 1</c> bits, which hold any chunk of ROWS products exactly.
    /// </summary>
    public int SumWidth => Column.ActWidth + Column.WeightWidth + (Column.Rows <= 1 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(Column.Rows - 1))) + 1;

    /// <summary>The values of the array package's parameters, by name.</summary>
    public IReadOnlyList<(string Name, string Value)> Parameters() =>
    [
        ("LOAD_WPC", LoadCodesPerCycle.ToString(CultureInfo.InvariantCulture)),
        ("DOUBLE_BUF", DoubleBuffered ? "1" : "0"),
    ];
}
