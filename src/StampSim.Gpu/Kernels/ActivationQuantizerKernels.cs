using ILGPU;
using StampSim.Gpu.Arithmetic;

namespace StampSim.Gpu.Kernels;

/// <summary>
/// Stage 2, the activation quantizer, in two launches: the scale and offset of every token (or
/// group), then every code. Min-max: <c>delta = f32(f32(mx − mn) / B)</c>,
/// <c>q = clamp(rne(f32(f32(x − mn) / delta)), 0, B)</c>; symmetric: <c>delta = f32(max|x| / qmax)</c>,
/// <c>q = clamp(rne(f32(x / delta)), −qmax, qmax)</c> stored with +128. A zero delta gives zero codes.
/// </summary>
public static class ActivationQuantizerKernels
{
    /// <summary>Added to symmetric codes when stored, as the golden engine stores them.</summary>
    public const int SymmetricStoreOffset = 128;

    /// <summary>
    /// Scale and offset of each (token, group), reduced in ascending feature order (min and max are
    /// exact in any order; the order only matters for signed zeros, handled by <see cref="FloatOrder"/>).
    /// Work: <c>tokens * groups</c> items.
    /// </summary>
    public static void Scales<TA>(Index1D index, Work work, ArrayView<float> x, ArrayView<int> bits, ArrayView<float> scale, ArrayView<float> offset,
        int features, int groupSize, int symmetric)
        where TA : struct, IFloatArithmetic
    {
        var a = default(TA);
        int groups = features / groupSize;
        for (long e = index; e < work.Count; e += work.Stride)
        {
            int token = (int)(e / groups), g = (int)(e - (long)token * groups);
            long start = (long)token * features + (long)g * groupSize;
            int b = bits[token];
            if (symmetric != 0)
            {
                float amax = FloatOrder.Abs(x[start]);
                for (int j = 1; j < groupSize; j++)
                    amax = FloatOrder.Max(amax, FloatOrder.Abs(x[start + j]));
                scale[e] = a.Div(amax, a.FromInt32((1 << (b - 1)) - 1));
                offset[e] = 0f;
            }
            else
            {
                float mn = x[start], mx = mn;
                for (int j = 1; j < groupSize; j++)
                {
                    float v = x[start + j];
                    mn = FloatOrder.Min(mn, v);
                    mx = FloatOrder.Max(mx, v);
                }
                scale[e] = a.Div(a.Sub(mx, mn), a.FromInt32((1 << b) - 1));
                offset[e] = mn;
            }
        }
    }

    /// <summary>Stored code of every element. Work: <c>tokens * features</c> items.</summary>
    public static void Codes<TA>(Index1D index, Work work, ArrayView<float> x, ArrayView<int> bits, ArrayView<float> scale, ArrayView<float> offset,
        ArrayView<byte> codes, int features, int groupSize, int symmetric)
        where TA : struct, IFloatArithmetic
    {
        var a = default(TA);
        int groups = features / groupSize;
        for (long e = index; e < work.Count; e += work.Stride)
        {
            int token = (int)(e / features), j = (int)(e - (long)token * features);
            long sg = (long)token * groups + j / groupSize;
            float delta = scale[sg];
            int stored = symmetric != 0 ? SymmetricStoreOffset : 0;
            if (delta != 0f)
            {
                int b = bits[token];
                int hi = symmetric != 0 ? (1 << (b - 1)) - 1 : (1 << b) - 1;
                int lo = symmetric != 0 ? -hi : 0;
                float q = a.RoundHalfEven(a.Div(a.Sub(x[e], offset[sg]), delta));
                stored += (int)FloatOrder.Clamp(q, lo, hi);
            }
            codes[e] = (byte)stored;
        }
    }
}
