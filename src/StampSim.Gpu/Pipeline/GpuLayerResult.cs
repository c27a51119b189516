using StampSim.Gemm;

namespace StampSim.Gpu.Pipeline;

/// <summary>
/// Every stage output of one layer computed by the ILGPU kernels, laid out exactly like the golden
/// engine's <c>LayerResult</c> and intermediates so the two can be compared bit for bit.
/// </summary>
/// <param name="TransformedX">Activations after the feature and sequence transforms (s x d).</param>
/// <param name="Codes">Stored activation codes (s x d): the code plus <paramref name="CodeOffset"/>.</param>
/// <param name="CodeOffset">0 for min-max codes, 128 for symmetric codes.</param>
/// <param name="Scale">Activation <c>delta</c> per token and group (s x groups).</param>
/// <param name="Offset">Activation <c>mn</c> per token and group (s x groups).</param>
/// <param name="WeightCodes">Weight codes (n x d).</param>
/// <param name="WeightScale">Weight scales <c>sw</c> (n).</param>
/// <param name="RowSum">Weight code sums per group (groups x n).</param>
/// <param name="Accumulators">Final accumulators (s x groups x n).</param>
/// <param name="Events">Adder-tree and accumulator range events.</param>
/// <param name="Yt">Epilogue output before the inverse transform (s x n).</param>
/// <param name="BeforeBias">After the inverse transform, before the bias (s x n).</param>
/// <param name="Y">The layer output (s x n).</param>
/// <param name="WholeGroupGemm">True when the GEMM summed whole groups because overflow was provably impossible.</param>
/// <param name="GemmTiming">The GEMM kernel's time when repeats were asked for, else null.</param>
public sealed record GpuLayerResult(
    float[] TransformedX,
    byte[] Codes,
    int CodeOffset,
    float[] Scale,
    float[] Offset,
    sbyte[] WeightCodes,
    float[] WeightScale,
    int[] RowSum,
    long[] Accumulators,
    OverflowEvents Events,
    float[] Yt,
    float[] BeforeBias,
    float[] Y,
    bool WholeGroupGemm,
    GemmTiming? GemmTiming);
