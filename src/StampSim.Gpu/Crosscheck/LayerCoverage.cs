using StampSim.Pipeline;

namespace StampSim.Gpu.Crosscheck;

/// <summary>What a layer exercises in a kernel: how many activations land on an exact quantizer tie, and how far the accumulators reach.</summary>
/// <param name="ActivationTies">Activations whose value before rounding is exactly <c>m + 0.5</c> (round-half-even and half-away disagree on half of them).</param>
/// <param name="MaxAbsAccumulator">The largest |accumulator| of the golden GEMM.</param>
/// <param name="TreeEvents">Golden adder-tree range events.</param>
/// <param name="AccumulatorEvents">Golden accumulator range events.</param>
public sealed record LayerCoverage(long ActivationTies, long MaxAbsAccumulator, long TreeEvents, long AccumulatorEvents)
{
    /// <summary>The coverage of <paramref name="golden"/> (run with intermediates kept).</summary>
    public static LayerCoverage Of(LayerResult golden)
    {
        var mid = golden.Intermediates ?? throw new ArgumentException("the golden result must keep its intermediates", nameof(golden));
        var a = golden.Activations;
        bool symmetric = a.CodeOffset != 0;
        long ties = 0;
        for (int i = 0; i < a.Tokens; i++)
            for (int j = 0; j < a.Features; j++)
            {
                int k = i * a.Groups + j / a.GroupSize;
                float delta = a.Scale[k];
                if (delta == 0f) continue;
                float x = golden.TransformedX[i * a.Features + j];
                float before = symmetric ? x / delta : (x - a.Offset[k]) / delta;
                if (before - MathF.Floor(before) == 0.5f) ties++;
            }
        long maxAcc = mid.Accumulators.Length == 0 ? 0 : mid.Accumulators.Max(v => Math.Abs(v));
        return new LayerCoverage(ties, maxAcc, golden.Gemm.Events.Tree, golden.Gemm.Events.Accumulator);
    }
}
