using ILGPU;
using StampSim.Gpu.Arithmetic;

namespace StampSim.Gpu.Kernels;

/// <summary>
/// One level of the 2-D Haar DWT on the current low band (an <c>h x w</c> grid, row-major tokens)
/// of a <c>(tokens, cols)</c> block, out of place over tokens <c>[0, h*w)</c>. Each thread
/// recomputes the width-pass values its output needs with the same operations, so every output
/// is the contract's sequence of <c>f32(f32(x ± y) * c)</c>.
/// </summary>
public static class Haar2dKernels
{
    /// <summary>Forward level: bands <c>LL, HL, LH, HH</c>, each <c>(h/2) x (w/2)</c> row-major. Work: <c>h * w * cols</c> items.</summary>
    public static void Forward<TA>(Index1D index, Work work, ArrayView<float> src, ArrayView<float> dst, int h, int w, int cols, float c)
        where TA : struct, IFloatArithmetic
    {
        var a = default(TA);
        int ww = w / 2, q = h / 2 * ww;
        for (long e = index; e < work.Count; e += work.Stride)
        {
            int t = (int)(e / cols), col = (int)(e - (long)t * cols);
            int band = t / q, o = t - band * q, r = o / ww, cc = o - r * ww;
            int top = (2 * r * w + 2 * cc) * cols + col, bottom = top + w * cols;
            float a00 = src[top], a01 = src[top + cols], a10 = src[bottom], a11 = src[bottom + cols];
            // Width pass: low (bands 0 and 2) or high (bands 1 and 3) of both rows.
            bool highInWidth = (band & 1) == 1;
            float row0 = highInWidth ? a.Mul(a.Sub(a00, a01), c) : a.Mul(a.Add(a00, a01), c);
            float row1 = highInWidth ? a.Mul(a.Sub(a10, a11), c) : a.Mul(a.Add(a10, a11), c);
            // Height pass: low (bands 0 and 1) or high (bands 2 and 3).
            dst[e] = band < 2 ? a.Mul(a.Add(row0, row1), c) : a.Mul(a.Sub(row0, row1), c);
        }
    }

    /// <summary>Inverse level: rebuilds the <c>h x w</c> band from <c>LL, HL, LH, HH</c>. Work: <c>h * w * cols</c> items.</summary>
    public static void Inverse<TA>(Index1D index, Work work, ArrayView<float> src, ArrayView<float> dst, int h, int w, int cols, float c)
        where TA : struct, IFloatArithmetic
    {
        var a = default(TA);
        int ww = w / 2, q = h / 2 * ww;
        for (long e = index; e < work.Count; e += work.Stride)
        {
            int t = (int)(e / cols), col = (int)(e - (long)t * cols);
            int row = t / w, column = t - row * w;
            int o = row / 2 * ww + column / 2;
            float ll = src[o * cols + col], hl = src[(q + o) * cols + col];
            float lh = src[(2 * q + o) * cols + col], hh = src[(3 * q + o) * cols + col];
            // Height pass first undoes LL/LH and HL/HH into the low and high width bands of this row.
            bool oddRow = (row & 1) == 1;
            float low = oddRow ? a.Mul(a.Sub(ll, lh), c) : a.Mul(a.Add(ll, lh), c);
            float high = oddRow ? a.Mul(a.Sub(hl, hh), c) : a.Mul(a.Add(hl, hh), c);
            dst[e] = (column & 1) == 1 ? a.Mul(a.Sub(low, high), c) : a.Mul(a.Add(low, high), c);
        }
    }
}
