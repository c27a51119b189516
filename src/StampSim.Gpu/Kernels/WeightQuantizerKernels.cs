using ILGPU;
using StampSim.Gpu.Arithmetic;

namespace StampSim.Gpu.Kernels;

/// <summary>
/// The offline weight quantizer: per output channel, symmetric,
/// <c>sw = f32(max|W[n, :]| / qmax)</c>, <c>qw = clamp(rne(f32(W / sw)), −qmax, qmax)</c> (all zero
/// when <c>sw = 0</c>), and the exact integer code sum of every activation group.
/// </summary>
public static class WeightQuantizerKernels
{
    /// <summary>Scale of each channel. Work: <c>outputs</c> items.</summary>
    public static void Scales<TA>(Index1D index, Work work, ArrayView<float> w, ArrayView<float> scale, int features, int qmax)
        where TA : struct, IFloatArithmetic
    {
        var a = default(TA);
        for (long e = index; e < work.Count; e += work.Stride)
        {
            long start = e * features;
            float amax = FloatOrder.Abs(w[start]);
            for (int j = 1; j < features; j++)
                amax = FloatOrder.Max(amax, FloatOrder.Abs(w[start + j]));
            scale[e] = a.Div(amax, a.FromInt32(qmax));
        }
    }

    /// <summary>Code of every weight. Work: <c>outputs * features</c> items.</summary>
    public static void Codes<TA>(Index1D index, Work work, ArrayView<float> w, ArrayView<float> scale, ArrayView<sbyte> codes, int features, int qmax)
        where TA : struct, IFloatArithmetic
    {
        var a = default(TA);
        for (long e = index; e < work.Count; e += work.Stride)
        {
            float sw = scale[e / features];
            int code = 0;
            if (sw != 0f)
                code = (int)FloatOrder.Clamp(a.RoundHalfEven(a.Div(a.Sub(w[e], 0f), sw)), -qmax, qmax);
            codes[e] = (sbyte)code;
        }
    }

    /// <summary>Sum of each channel's codes over each activation group, stored group-major. Work: <c>groups * outputs</c> items.</summary>
    public static void RowSums(Index1D index, Work work, ArrayView<sbyte> codes, ArrayView<int> rowSum, int outputs, int features, int groupSize)
    {
        for (long e = index; e < work.Count; e += work.Stride)
        {
            int g = (int)(e / outputs), ch = (int)(e - (long)g * outputs);
            long start = (long)ch * features + (long)g * groupSize;
            int sum = 0;
            for (int j = 0; j < groupSize; j++)
                sum += codes[start + j];
            rowSum[e] = sum;
        }
    }
}
