namespace StampSim.Numerics;

/// <summary>
/// Everything a layer's golden output depends on, passed as one value: the numerics and the MAC array's
/// adder-tree length R (<c>mac_array.rows</c>), the reduction chunk of the integer GEMM.
/// </summary>
/// <param name="Numerics">The numerics.</param>
/// <param name="MacRows">The adder-tree length R.</param>
public sealed record GoldenSettings(NumericsConfig Numerics, int MacRows);
