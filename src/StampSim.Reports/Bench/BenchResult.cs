using StampSim.Hardware;
using StampSim.Numerics;
using StampSim.Traces.Synthetic;

namespace StampSim.Reports.Bench;

/// <summary>What one <c>stampsim bench</c> run measured (medians of repeated runs, seconds).</summary>
/// <param name="Shape">The layer shape.</param>
/// <param name="Threads">Worker threads.</param>
/// <param name="Repetitions">Timed repetitions per measurement.</param>
/// <param name="Kernel">The integer GEMM kernel that ran.</param>
/// <param name="FastPath">Whether the GEMM took the fast path.</param>
/// <param name="LayerSeconds">The golden layer.</param>
/// <param name="MetricsSeconds">Its metrics (float64 reference, activation error, Theorem-1 bound).</param>
/// <param name="OrderedLayerSeconds">The golden layer with <c>tree_bits 16, acc_bits 20</c> (ordered emulation).</param>
/// <param name="OrderedEvents">Overflow events of that run.</param>
/// <param name="GemmSeconds">The integer GEMM alone (with packing and epilogue).</param>
/// <param name="PeakMacsPerSecond">The machine's int8 peak with the same instructions.</param>
/// <param name="VnniPeakMacsPerSecond">The 256-bit <c>vpdpbusd</c> peak, when the CPU has AVX-VNNI (the 512-bit one is taken as twice it).</param>
/// <param name="CostModelSecondsPerCall">One cost-model evaluation.</param>
/// <param name="NumpySeconds">NumPy's float32 GEMM of the same shape, when measured on an optimised BLAS.</param>
/// <param name="NumpyFloat64Seconds">NumPy's float64 GEMM of the same shape (what the metrics' reference computes), likewise.</param>
/// <param name="Numpy">How NumPy was measured (BLAS library and kernel), or why not.</param>
/// <param name="LayerProcess">A whole <c>stampsim layer --metrics</c> child process and its own engine + metrics time.</param>
/// <param name="BlockSweep">A sweep of 8 numerics over a one-block Llama-3-8B trace against one replay.</param>
/// <param name="OnnxEval">A whole <c>eval onnx</c> of a few sentences.</param>
/// <param name="AllocatedBytesPerLayer">Managed bytes one golden layer allocates.</param>
/// <param name="ProcessPeakWorkingSet">Peak working set of the process.</param>
public sealed record BenchResult(LayerShape Shape, int Threads, int Repetitions, GemmKernel Kernel, bool FastPath,
    double LayerSeconds, double MetricsSeconds, double OrderedLayerSeconds, long OrderedEvents, double GemmSeconds, double PeakMacsPerSecond, double? VnniPeakMacsPerSecond,
    double CostModelSecondsPerCall, double? NumpySeconds, double? NumpyFloat64Seconds, string Numpy, ProcessTimes LayerProcess, BlockSweepTimes BlockSweep, OnnxEvalTime OnnxEval,
    long AllocatedBytesPerLayer, long ProcessPeakWorkingSet)
{
    /// <summary>GEMM multiply-accumulates per second.</summary>
    public double GemmMacsPerSecond => Shape.Macs / GemmSeconds;

    /// <summary>GEMM rate over the int8 peak.</summary>
    public double GemmFractionOfPeak => GemmMacsPerSecond / PeakMacsPerSecond;

    /// <summary>
    /// GEMM rate over the 512-bit <c>vpdpbusd</c> peak, taken as twice the 256-bit one (twice the lanes;
    /// .NET 10 has no 512-bit VNNI intrinsic to measure it with).
    /// </summary>
    public double? GemmFractionOf512BitVnniPeak => VnniPeakMacsPerSecond is double p ? GemmMacsPerSecond / (2 * p) : null;

    /// <summary>Golden layer over NumPy's GEMM, when NumPy was measured.</summary>
    public double? LayerVsNumpy => NumpySeconds is double t ? LayerSeconds / t : null;

    /// <summary>The whole <c>stampsim layer</c> process over NumPy's GEMM, when both were measured.</summary>
    public double? LayerProcessVsNumpy => NumpySeconds is double t && LayerProcess.WallSeconds is double p ? p / t : null;

    /// <summary>Metrics (their float64 reference GEMM and the rest) over NumPy's float64 GEMM, when NumPy was measured.</summary>
    public double? MetricsVsNumpyFloat64 => NumpyFloat64Seconds is double t ? MetricsSeconds / t : null;

    /// <summary>Metrics over the golden layer.</summary>
    public double MetricsVsEngine => MetricsSeconds / LayerSeconds;

    /// <summary>Ordered emulation over the fast path.</summary>
    public double OrderedVsFast => OrderedLayerSeconds / LayerSeconds;

    /// <summary>
    /// Seconds one Llama-3-8B block (7 linear layers, s = 2048) would take to replay with metrics, scaled
    /// by multiply-accumulates from this layer's engine and metrics time (an estimate; <c>replay</c> measures it).
    /// </summary>
    public double LlamaBlockSecondsEstimate => (LayerSeconds + MetricsSeconds) * ModelShape.Llama3_8B.MacsPerBlock / Shape.Macs;

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
