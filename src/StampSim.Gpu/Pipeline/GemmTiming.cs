namespace StampSim.Gpu.Pipeline;

/// <summary>Wall time of the GEMM kernel alone (operands already packed on the device), averaged over repeated launches.</summary>
/// <param name="Launches">Timed launches.</param>
/// <param name="SecondsPerLaunch">Mean seconds per launch, each synchronised.</param>
/// <param name="MultiplyAccumulates">Products per launch (<c>s · d · n</c>).</param>
public sealed record GemmTiming(int Launches, double SecondsPerLaunch, long MultiplyAccumulates)
{
    /// <summary>Integer operations per second, counting a multiply-accumulate as two.</summary>
    public double OpsPerSecond => 2.0 * MultiplyAccumulates / SecondsPerLaunch;
}
