using StampSim.Gpu.Pipeline;
using StampSim.Pipeline;

namespace StampSim.Gpu.Crosscheck;

/// <summary>Compares every intermediate of the ILGPU run with the golden engine's, stage by stage in pipeline order.</summary>
public static class LayerComparison
{
    /// <summary>Stage names, in pipeline order.</summary>
    public static IReadOnlyList<string> Stages { get; } =
    [
        "transformed activations", "activation codes", "activation scales (delta)", "activation offsets (mn)",
        "weight codes", "weight scales (sw)", "weight row sums", "accumulators", "overflow events",
        "epilogue output (yt)", "inverse transform (before bias)", "output Y",
    ];

    /// <summary>Compares <paramref name="gpu"/> with <paramref name="golden"/> (run with intermediates kept).</summary>
    public static IReadOnlyList<StageComparison> Compare(LayerInputs inputs, LayerResult golden, GpuLayerResult gpu)
    {
        var mid = golden.Intermediates ?? throw new ArgumentException("the golden result must keep its intermediates", nameof(golden));
        long s = inputs.Tokens, d = inputs.Features, n = inputs.Outputs, groups = golden.Activations.Groups;
        var ga = golden.Activations;
        var gw = golden.Weights;
        return
        [
            ArrayComparer.Compare(Stages[0], [s, d], golden.TransformedX, gpu.TransformedX),
            ArrayComparer.Compare(Stages[1], [s, d], Signed(ga.Codes, ga.CodeOffset), Signed(gpu.Codes, gpu.CodeOffset)),
            ArrayComparer.Compare(Stages[2], [s, groups], ga.Scale, gpu.Scale),
            ArrayComparer.Compare(Stages[3], [s, groups], ga.Offset, gpu.Offset),
            ArrayComparer.Compare(Stages[4], [n, d], Widen(gw.Codes), Widen(gpu.WeightCodes)),
            ArrayComparer.Compare(Stages[5], [n], gw.Scale, gpu.WeightScale),
            ArrayComparer.Compare(Stages[6], [groups, n], Widen(gw.RowSum), Widen(gpu.RowSum)),
            ArrayComparer.Compare(Stages[7], [s, groups, n], mid.Accumulators, gpu.Accumulators),
            ArrayComparer.Compare(Stages[8], [2], [golden.Gemm.Events.Tree, golden.Gemm.Events.Accumulator], [gpu.Events.Tree, gpu.Events.Accumulator]),
            ArrayComparer.Compare(Stages[9], [s, n], mid.Yt, gpu.Yt),
            ArrayComparer.Compare(Stages[10], [s, n], mid.BeforeBias, gpu.BeforeBias),
            ArrayComparer.Compare(Stages[11], [s, n], golden.Y.Data, gpu.Y),
        ];
    }

    /// <summary>Signed codes from stored bytes.</summary>
    public static long[] Signed(byte[] stored, int offset) => Array.ConvertAll(stored, c => (long)c - offset);

    private static long[] Widen(sbyte[] v) => Array.ConvertAll(v, c => (long)c);

    private static long[] Widen(int[] v) => Array.ConvertAll(v, c => (long)c);
}
