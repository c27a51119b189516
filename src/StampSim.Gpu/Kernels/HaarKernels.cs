using ILGPU;
using StampSim.Gpu.Arithmetic;

namespace StampSim.Gpu.Kernels;

/// <summary>
/// One level of the 1-D Haar DWT along the token axis of a row-major <c>(tokens, cols)</c> block,
/// out of place: rows <c>[0, m)</c> of <c>dst</c> from rows <c>[0, m)</c> of <c>src</c> (the host
/// copies them back). Each output is the contract's <c>f32(f32(x ± y) * c)</c>.
/// </summary>
public static class HaarKernels
{
    /// <summary>Forward level on length <paramref name="m"/>: <c>[a, e]</c>, the odd tail appended to <c>a</c> unchanged. Work: <c>m * cols</c> items.</summary>
    public static void Forward<TA>(Index1D index, Work work, ArrayView<float> src, ArrayView<float> dst, int m, int cols, float c)
        where TA : struct, IFloatArithmetic
    {
        var a = default(TA);
        int pairs = m / 2, approx = (m + 1) / 2;
        for (long e = index; e < work.Count; e += work.Stride)
        {
            int r = (int)(e / cols), col = (int)(e - (long)r * cols);
            float v;
            if (r < pairs)
                v = a.Mul(a.Add(src[2 * r * cols + col], src[(2 * r + 1) * cols + col]), c);
            else if (r < approx)
                v = src[(m - 1) * cols + col];
            else
            {
                int i = r - approx;
                v = a.Mul(a.Sub(src[2 * i * cols + col], src[(2 * i + 1) * cols + col]), c);
            }
            dst[e] = v;
        }
    }

    /// <summary>Inverse level on length <paramref name="m"/>: interleaves <c>a</c> and <c>e</c> back, odd tail copied. Work: <c>m * cols</c> items.</summary>
    public static void Inverse<TA>(Index1D index, Work work, ArrayView<float> src, ArrayView<float> dst, int m, int cols, float c)
        where TA : struct, IFloatArithmetic
    {
        var a = default(TA);
        int pairs = m / 2, approx = (m + 1) / 2;
        for (long e = index; e < work.Count; e += work.Stride)
        {
            int r = (int)(e / cols), col = (int)(e - (long)r * cols);
            float v;
            if (r == 2 * pairs)
                v = src[pairs * cols + col];
            else
            {
                int i = r / 2;
                float lo = src[i * cols + col], hi = src[(approx + i) * cols + col];
                v = (r & 1) == 0 ? a.Mul(a.Add(lo, hi), c) : a.Mul(a.Sub(lo, hi), c);
            }
            dst[e] = v;
        }
    }
}
