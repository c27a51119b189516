namespace StampSim.Gpu.Arithmetic;

/// <summary>
/// <see cref="IFloatArithmetic"/> in plain C#, for ILGPU's CPU accelerator, which runs kernels as
/// .NET code: the runtime evaluates every float32 operation on its own with round-to-nearest-even
/// and never contracts a multiply and an add, exactly as the golden engine does.
/// </summary>
public readonly struct ManagedArithmetic : IFloatArithmetic
{
    /// <inheritdoc />
    public float Add(float a, float b) => a + b;

    /// <inheritdoc />
    public float Sub(float a, float b) => a - b;

    /// <inheritdoc />
    public float Mul(float a, float b) => a * b;

    /// <inheritdoc />
    public float Div(float a, float b) => a / b;

    /// <inheritdoc />
    public float RoundHalfEven(float a) => MathF.Round(a);

    /// <inheritdoc />
    public float FromInt64(long v) => v;

    /// <inheritdoc />
    public float FromInt32(int v) => v;

    /// <inheritdoc />
    public double FusedMultiplyAdd(double a, double b, double c) => Math.FusedMultiplyAdd(a, b, c);

    /// <inheritdoc />
    public float FromDouble(double v) => (float)v;
}
