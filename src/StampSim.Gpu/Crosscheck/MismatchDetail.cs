namespace StampSim.Gpu.Crosscheck;

/// <summary>One mismatching element: where, what was expected and found, and what went into it.</summary>
/// <param name="Index">Its multi-index in the stage's shape.</param>
/// <param name="Expected">The expected value (stage-isolated when that verdict fails, else golden).</param>
/// <param name="Actual">The kernel's value.</param>
/// <param name="Inputs">The inputs at the element (value before rounding, scale, offset, bits, saturated), or null.</param>
public sealed record MismatchDetail(long[] Index, string Expected, string Actual, string? Inputs);
