namespace StampSim.Hardware;

/// <summary>
/// The work of one layer that no tiling changes: action counts of the transform, quantizer, epilogue
/// and MAC array, and the busy cycles of the pipelined units.
/// </summary>
internal readonly record struct WorkCounts
{
    public double MacInt4 { get; init; }
    public double MacInt8 { get; init; }
    public double DwtAdd { get; init; }
    public double DwtMul { get; init; }
    public double QuantOps { get; init; }
    public double EpilogueOps { get; init; }

    /// <summary>PE-cycles doing useful work (for utilization).</summary>
    public double BusyPeCycles { get; init; }

    public long DwtForward { get; init; }
    public long DwtInverse { get; init; }
    public long Quantizer { get; init; }
    public long Epilogue { get; init; }

    /// <summary>DRAM latency paid once per layer.</summary>
    public long Latency { get; init; }
}
