namespace StampSim.Gpu.Arithmetic;

/// <summary>
/// The floating-point operations the golden stages use, one IEEE operation per call with
/// round-to-nearest-even. Kernels are generic over an implementation so the same source runs on
/// ILGPU's CPU accelerator (<see cref="ManagedArithmetic"/>: .NET never fuses or re-associates)
/// and on CUDA (<see cref="PtxArithmetic"/>: inline PTX with explicit rounding, which the PTX JIT
/// may not contract into fused multiply-adds).
/// </summary>
public interface IFloatArithmetic
{
    /// <summary><c>f32(a + b)</c>.</summary>
    float Add(float a, float b);

    /// <summary><c>f32(a - b)</c>.</summary>
    float Sub(float a, float b);

    /// <summary><c>f32(a * b)</c>.</summary>
    float Mul(float a, float b);

    /// <summary><c>f32(a / b)</c>, correctly rounded (never an approximate reciprocal).</summary>
    float Div(float a, float b);

    /// <summary>Rounds to the nearest integer, ties to even.</summary>
    float RoundHalfEven(float a);

    /// <summary>A 64-bit integer rounded to the nearest float32 (ties to even).</summary>
    float FromInt64(long v);

    /// <summary>A 32-bit integer rounded to the nearest float32 (ties to even).</summary>
    float FromInt32(int v);

    /// <summary><c>a * b + c</c> in float64 with a single rounding.</summary>
    double FusedMultiplyAdd(double a, double b, double c);

    /// <summary>A float64 rounded to the nearest float32 (ties to even).</summary>
    float FromDouble(double v);
}
