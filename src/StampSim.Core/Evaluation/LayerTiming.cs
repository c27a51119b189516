namespace StampSim.Evaluation;

/// <summary>Where the wall time of one layer evaluation went (seconds). Engine and metrics time count only runs this evaluation made, not shared ones.</summary>
/// <param name="Engine">Golden engine runs.</param>
/// <param name="Metrics">Their metrics.</param>
/// <param name="Cost">The cost model (STaMP and baselines).</param>
public sealed record LayerTiming(double Engine, double Metrics, double Cost)
{
    /// <summary>All of it.</summary>
    public double Total => Engine + Metrics + Cost;
}
