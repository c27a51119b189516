using StampSim.Metrics;
using StampSim.Numerics;

namespace StampSim.Evaluation;

/// <summary>What one golden run of one numerics setting on one layer gave: what ran and its error metrics.</summary>
/// <param name="Numerics">The numerics as run (levels and grid resolved for the layer where the trace supplies them).</param>
/// <param name="Transform">The sequence transform that ran, with its resolved levels (e.g. <c>haar(levels=3)</c>).</param>
/// <param name="Levels">Resolved transform levels.</param>
/// <param name="HiTokens">Tokens that got <c>hi_bits</c> on this layer (<see cref="NumericsConfig.HiTokensOf"/>).</param>
/// <param name="FastPath">True when the GEMM took the exact fast path (overflow impossible), false for the ordered emulation.</param>
/// <param name="Kernel">The integer GEMM kernel that ran.</param>
/// <param name="Metrics">The contract's metrics.</param>
/// <param name="EngineSeconds">Wall time of the golden engine.</param>
/// <param name="MetricsSeconds">Wall time of the metrics (float64 reference and activation error).</param>
public sealed record NumericsRun(NumericsConfig Numerics, string Transform, int Levels, int HiTokens, bool FastPath, GemmKernel Kernel,
    LayerMetrics Metrics, double EngineSeconds, double MetricsSeconds);
