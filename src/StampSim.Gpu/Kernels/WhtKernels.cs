using ILGPU;
using StampSim.Gpu.Arithmetic;

namespace StampSim.Gpu.Kernels;

/// <summary>
/// The normalised fast Walsh–Hadamard transform of the contract, one butterfly stage per launch,
/// then one scaling launch. Vectors are addressed by strides so the same kernels serve the
/// sequence transform (one vector per column) and the feature transform (one vector per row).
/// </summary>
public static class WhtKernels
{
    /// <summary>
    /// Stage <paramref name="h"/>: for each block of <c>2h</c> and <c>j</c> in its first half,
    /// <c>(v[j], v[j+h]) = (f32(v[j] + v[j+h]), f32(v[j] - v[j+h]))</c>. Element <c>j</c> of vector
    /// <c>k</c> is at <c>k * vectorStride + j * elementStride</c>. Work: <c>vectors * m / 2</c> items.
    /// </summary>
    public static void Stage<TA>(Index1D index, Work work, ArrayView<float> data, int m, int h, int vectorStride, int elementStride)
        where TA : struct, IFloatArithmetic
    {
        var a = default(TA);
        int half = m / 2;
        for (long e = index; e < work.Count; e += work.Stride)
        {
            int k = (int)(e / half), p = (int)(e - (long)k * half);
            int j = p / h * 2 * h + p % h;
            long i0 = (long)k * vectorStride + (long)j * elementStride, i1 = i0 + (long)h * elementStride;
            float x = data[i0], y = data[i1];
            data[i0] = a.Add(x, y);
            data[i1] = a.Sub(x, y);
        }
    }

    /// <summary>Every element times <paramref name="scale"/> (<c>f32(1/sqrt(m))</c>). Work: all elements.</summary>
    public static void Scale<TA>(Index1D index, Work work, ArrayView<float> data, float scale)
        where TA : struct, IFloatArithmetic
    {
        var a = default(TA);
        for (long e = index; e < work.Count; e += work.Stride)
            data[e] = a.Mul(data[e], scale);
    }
}
