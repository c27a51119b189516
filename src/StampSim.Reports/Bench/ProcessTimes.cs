namespace StampSim.Reports.Bench;

/// <summary>A whole <c>stampsim layer --metrics</c> child process: its wall time and the part that is its own work.</summary>
/// <param name="WallSeconds">Wall time of the process, when measured.</param>
/// <param name="OwnSeconds">The child's own <c>timing_seconds.engine + metrics</c> in that run.</param>
/// <param name="Detail">How it was measured, or why not.</param>
public sealed record ProcessTimes(double? WallSeconds, double? OwnSeconds, string Detail)
{
    /// <summary>Wall time over the child's own engine + metrics (the target is at most 1.3).</summary>
    public double? WallVsOwn => WallSeconds is double w && OwnSeconds is double o ? w / o : null;

    /// <summary>The rest of the wall time: start-up, JIT, reading the inputs, writing Y and the metrics.</summary>
    public double? OverheadSeconds => WallSeconds is double w && OwnSeconds is double o ? w - o : null;
}
