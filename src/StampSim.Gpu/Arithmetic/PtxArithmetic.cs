using ILGPU.Runtime.Cuda;

namespace StampSim.Gpu.Arithmetic;

/// <summary>
/// <see cref="IFloatArithmetic"/> as inline PTX with explicit rounding modifiers. ILGPU emits plain
/// <c>mul.f32</c>/<c>add.f32</c>, which the PTX JIT (ptxas, <c>--fmad=true</c> by default) may fuse
/// into an <c>fma</c> with a single rounding; instructions that carry <c>.rn</c> are never
/// contracted. Only valid on the CUDA accelerator (and in PTX compilation).
/// </summary>
public readonly struct PtxArithmetic : IFloatArithmetic
{
    /// <inheritdoc />
    public float Add(float a, float b)
    {
        CudaAsm.Emit("add.rn.f32 %0, %1, %2;", out float r, a, b);
        return r;
    }

    /// <inheritdoc />
    public float Sub(float a, float b)
    {
        CudaAsm.Emit("sub.rn.f32 %0, %1, %2;", out float r, a, b);
        return r;
    }

    /// <inheritdoc />
    public float Mul(float a, float b)
    {
        CudaAsm.Emit("mul.rn.f32 %0, %1, %2;", out float r, a, b);
        return r;
    }

    /// <inheritdoc />
    public float Div(float a, float b)
    {
        CudaAsm.Emit("div.rn.f32 %0, %1, %2;", out float r, a, b);
        return r;
    }

    /// <inheritdoc />
    public float RoundHalfEven(float a)
    {
        CudaAsm.Emit("cvt.rni.f32.f32 %0, %1;", out float r, a);
        return r;
    }

    /// <inheritdoc />
    public float FromInt64(long v)
    {
        CudaAsm.Emit("cvt.rn.f32.s64 %0, %1;", out float r, v);
        return r;
    }

    /// <inheritdoc />
    public float FromInt32(int v)
    {
        CudaAsm.Emit("cvt.rn.f32.s32 %0, %1;", out float r, v);
        return r;
    }

    /// <inheritdoc />
    public double FusedMultiplyAdd(double a, double b, double c)
    {
        CudaAsm.Emit("fma.rn.f64 %0, %1, %2, %3;", out double r, a, b, c);
        return r;
    }

    /// <inheritdoc />
    public float FromDouble(double v)
    {
        CudaAsm.Emit("cvt.rn.f32.f64 %0, %1;", out float r, v);
        return r;
    }
}
