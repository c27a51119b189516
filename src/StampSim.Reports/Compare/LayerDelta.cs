namespace StampSim.Reports.Compare;

/// <summary>One layer's STaMP figures in both reports.</summary>
/// <param name="Layer">Layer name.</param>
/// <param name="Metrics">Cycles, DRAM bytes, energy (pJ) and SQNR (dB).</param>
public sealed record LayerDelta(string Layer, IReadOnlyList<MetricDelta> Metrics)
{
    /// <summary>True when any figure differs.</summary>
    public bool Changed => Metrics.Any(m => m.Changed);
}
