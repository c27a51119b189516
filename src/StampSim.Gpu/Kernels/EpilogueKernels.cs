using ILGPU;
using StampSim.Gpu.Arithmetic;

namespace StampSim.Gpu.Kernels;

/// <summary>
/// Stage 4, the float32 dequantisation epilogue, and stage 6, the bias:
/// <c>term = f32(f32(f32(acc) · f32(delta · sw)) + f32(mn · f32(f32(rowsum) · sw)))</c>, group
/// terms added in ascending group order starting from the group-0 term; <c>Y = f32(Y + b)</c>.
/// Every multiply and add is a separately rounded operation of the kernel's arithmetic so none
/// can be contracted into a fused multiply-add.
/// </summary>
public static class EpilogueKernels
{
    /// <summary><c>f32(f32(rowsum[g, n]) · sw[n])</c>, group-major. Work: <c>groups * outputs</c> items.</summary>
    public static void RowSumScales<TA>(Index1D index, Work work, ArrayView<int> rowSum, ArrayView<float> weightScale, ArrayView<float> rowSumScale, int outputs)
        where TA : struct, IFloatArithmetic
    {
        var a = default(TA);
        for (long e = index; e < work.Count; e += work.Stride)
            rowSumScale[e] = a.Mul(a.FromInt32(rowSum[e]), weightScale[e % outputs]);
    }

    /// <summary>The pre-inverse output <c>yt (tokens, outputs)</c> from the accumulators <c>(tokens, groups, outputs)</c>. Work: <c>tokens * outputs</c> items.</summary>
    public static void Dequantize<TA>(Index1D index, Work work, ArrayView<long> acc, ArrayView<float> delta, ArrayView<float> mn,
        ArrayView<float> weightScale, ArrayView<float> rowSumScale, ArrayView<float> yt, int outputs, int groups)
        where TA : struct, IFloatArithmetic
    {
        var a = default(TA);
        for (long e = index; e < work.Count; e += work.Stride)
        {
            long token = e / outputs;
            int ch = (int)(e - token * outputs);
            float y = 0f;
            for (int g = 0; g < groups; g++)
            {
                long tg = token * groups + g;
                float product = a.Mul(a.FromInt64(acc[tg * outputs + ch]), a.Mul(delta[tg], weightScale[ch]));
                float term = a.Add(product, a.Mul(mn[tg], rowSumScale[(long)g * outputs + ch]));
                y = g == 0 ? term : a.Add(y, term);
            }
            yt[e] = y;
        }
    }

    /// <summary><c>Y[i, n] = f32(Y[i, n] + b[n])</c>. Work: <c>tokens * outputs</c> items.</summary>
    public static void Bias<TA>(Index1D index, Work work, ArrayView<float> y, ArrayView<float> bias, int outputs)
        where TA : struct, IFloatArithmetic
    {
        var a = default(TA);
        for (long e = index; e < work.Count; e += work.Stride)
            y[e] = a.Add(y[e], bias[e % outputs]);
    }
}
