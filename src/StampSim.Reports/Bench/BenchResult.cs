using StampSim.Hardware;
using StampSim.Numerics;

namespace StampSim.Reports.Bench;

/// <summary>What one <c>stampsim bench</c> run measured (medians of repeated runs, seconds).</summary>
/// <param name="Shape">The layer shape.</param>
/// <param name="Threads">Worker threads.</param>
/// <param name="Repetitions">Timed repetitions per measurement.</param>
/// <param name="Kernel">The integer GEMM kernel that ran.</param>
/// <param name="FastPath">Whether the GEMM took the fast path.</param>
/// <param name="LayerSeconds">The golden layer.</param>
/// <param name="GemmSeconds">The integer GEMM alone (with packing and epilogue).</param>
/// <param name="PeakMacsPerSecond">The machine's int8 peak with the same instructions.</param>
/// <param name="CostModelSecondsPerCall">One cost-model evaluation.</param>
/// <param name="NumpySeconds">NumPy's float32 GEMM of the same shape, when measured.</param>
/// <param name="Numpy">How NumPy was measured, or why not.</param>
/// <param name="AllocatedBytesPerLayer">Managed bytes one golden layer allocates.</param>
/// <param name="ProcessPeakWorkingSet">Peak working set of the process.</param>
public sealed record BenchResult(LayerShape Shape, int Threads, int Repetitions, GemmKernel Kernel, bool FastPath,
    double LayerSeconds, double GemmSeconds, double PeakMacsPerSecond, double CostModelSecondsPerCall,
    double? NumpySeconds, string Numpy, long AllocatedBytesPerLayer, long ProcessPeakWorkingSet)
{
    /// <summary>GEMM multiply-accumulates per second.</summary>
    public double GemmMacsPerSecond => Shape.Macs / GemmSeconds;

    /// <summary>GEMM rate over the int8 peak.</summary>
    public double GemmFractionOfPeak => GemmMacsPerSecond / PeakMacsPerSecond;

    /// <summary>Golden layer over NumPy's GEMM, when NumPy was measured.</summary>
    public double? LayerVsNumpy => NumpySeconds is double t ? LayerSeconds / t : null;

    /// <summary>Peak memory of one layer (float32 inputs plus what it allocates) over its float32 inputs and outputs.</summary>
    public double PeakMemoryVsIo
    {
        get
        {
            double s = Shape.Tokens, d = Shape.Features, n = Shape.Outputs;
            return (4.0 * (s * d + n * d) + AllocatedBytesPerLayer) / (4.0 * (s * d + n * d + s * n));
        }
    }
}
