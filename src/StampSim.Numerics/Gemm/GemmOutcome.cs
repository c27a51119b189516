using StampSim.Numerics;

namespace StampSim.Gemm;

/// <summary>What the integer GEMM did.</summary>
/// <param name="FastPath">True when the bound proved overflow impossible and the exact sums were taken in one pass.</param>
/// <param name="Kernel">The micro-kernel family used.</param>
/// <param name="Events">Saturation or wrap events.</param>
public sealed record GemmOutcome(bool FastPath, GemmKernel Kernel, OverflowEvents Events);
