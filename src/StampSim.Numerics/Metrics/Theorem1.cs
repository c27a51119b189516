using StampSim.Numerics;
using StampSim.Quantization;

namespace StampSim.Metrics;

/// <summary>
/// Theorem 1 of the STaMP paper as a bound on the measured activation error: for orthogonal L and
/// min-max quantization, <c>||L^-1 Q(L X) − X||² ≤ (g/2) Σ_i ||l_i X||² / (2^b_i − 1)²</c>, summed over
/// tokens (and groups of g features; g = d per token). For symmetric quantization the same
/// argument gives <c>(g/4) Σ ||x||² / qmax²</c>, which is reported instead.
/// </summary>
public static class Theorem1
{
    /// <summary>The bound for transformed activations <paramref name="lx"/> (s x d) quantized as <paramref name="qx"/>.</summary>
    /// <remarks>Tokens' terms are computed in parallel and added in token order: the same sum whatever the thread count.</remarks>
    public static double Bound(float[] lx, QuantizedActivations qx, ExecutionOptions options)
    {
        int d = qx.Features, g = qx.GroupSize;
        bool symmetric = qx.CodeOffset != 0;
        var terms = new double[qx.Tokens];
        Parallel.For(0, qx.Tokens, options.Parallel, i =>
        {
            int bits = qx.Bits[i];
            double levels = symmetric ? SymmetricQuantizer.MaxCode(bits) : (1 << bits) - 1;
            double energy = 0;
            foreach (float v in lx.AsSpan(i * d, d)) energy += (double)v * v;
            terms[i] = (symmetric ? g / 4.0 : g / 2.0) * energy / (levels * levels);
        });
        return LayerMetrics.SumInOrder(terms);
    }
}
