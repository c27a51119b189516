using ILGPU;
using StampSim.Gpu.Arithmetic;

namespace StampSim.Gpu.Kernels;

/// <summary>
/// The DCT (or its inverse) along the token axis exactly as the golden engine evaluates it: each
/// output is <c>Σ_n M[k, n] · x[n]</c> in float64, terms added in ascending <c>n</c> with one fused
/// multiply-add each, starting from +0, rounded once to float32.
/// </summary>
public static class DctKernels
{
    /// <summary><c>dst[k, col]</c> from <c>src[·, col]</c> and the <c>s x s</c> matrix. Work: <c>s * cols</c> items.</summary>
    public static void Apply<TA>(Index1D index, Work work, ArrayView<float> src, ArrayView<float> dst, ArrayView<double> matrix, int s, int cols)
        where TA : struct, IFloatArithmetic
    {
        var a = default(TA);
        for (long e = index; e < work.Count; e += work.Stride)
        {
            int k = (int)(e / cols), col = (int)(e - (long)k * cols);
            double sum = 0.0;
            for (int n = 0; n < s; n++)
                sum = a.FusedMultiplyAdd(src[(long)n * cols + col], matrix[(long)k * s + n], sum);
            dst[e] = a.FromDouble(sum);
        }
    }
}
