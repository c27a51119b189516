namespace StampSim.Reports.Bench;

/// <summary>A sweep of several numerics settings over a one-block Llama-3-8B-shaped trace against one replay of the same trace.</summary>
/// <param name="ReplaySeconds">Wall time of one <c>replay</c>, when measured.</param>
/// <param name="SweepSeconds">Wall time of the <c>sweep</c>, when measured.</param>
/// <param name="Settings">Numerics settings in the sweep.</param>
/// <param name="Detail">How it was measured, or why not.</param>
public sealed record BlockSweepTimes(double? ReplaySeconds, double? SweepSeconds, int Settings, string Detail)
{
    /// <summary>The sweep in replays (the target is at most 3.8 for 8 settings).</summary>
    public double? SweepVsReplay => ReplaySeconds is double r && SweepSeconds is double s ? s / r : null;
}
