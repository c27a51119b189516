using StampSim.Pipeline;

namespace StampSim.Gpu.Crosscheck;

/// <summary>The golden value of every <see cref="ExternalStages"/> stage, keyed by stage name: what crosscheck compares and <c>--dump</c> writes.</summary>
public static class GoldenStages
{
    /// <summary>Every stage of <paramref name="golden"/> (run with intermediates kept).</summary>
    public static IReadOnlyDictionary<string, StageValues> Of(LayerInputs inputs, LayerResult golden)
    {
        var mid = golden.Intermediates ?? throw new ArgumentException("the golden result must keep its intermediates", nameof(golden));
        long s = inputs.Tokens, d = inputs.Features, n = inputs.Outputs;
        var a = golden.Activations;
        var w = golden.Weights;
        long groups = a.Groups;
        var events = golden.Gemm.Events;
        return new Dictionary<string, StageValues>
        {
            [ExternalStages.Transformed.Name] = StageValues.Of([s, d], golden.TransformedX),
            [ExternalStages.ActBits.Name] = StageValues.Of([s], Array.ConvertAll(a.Bits, b => (long)b)),
            [ExternalStages.ActScale.Name] = StageValues.Of([s, groups], a.Scale),
            [ExternalStages.ActOffset.Name] = StageValues.Of([s, groups], a.Offset),
            [ExternalStages.ActCodes.Name] = StageValues.Of([s, d], LayerComparison.Signed(a.Codes, a.CodeOffset)),
            [ExternalStages.WeightScale.Name] = StageValues.Of([n], w.Scale),
            [ExternalStages.WeightCodes.Name] = StageValues.Of([n, d], Array.ConvertAll(w.Codes, c => (long)c)),
            [ExternalStages.WeightRowSum.Name] = StageValues.Of([groups, n], Array.ConvertAll(w.RowSum, c => (long)c)),
            [ExternalStages.Acc.Name] = StageValues.Of([s, groups, n], mid.Accumulators),
            [ExternalStages.Events.Name] = StageValues.Of([2], [events.Tree, events.Accumulator]),
            [ExternalStages.Yt.Name] = StageValues.Of([s, n], mid.Yt),
            [ExternalStages.BeforeBias.Name] = StageValues.Of([s, n], mid.BeforeBias),
            [ExternalStages.Y.Name] = StageValues.Of([s, n], golden.Y.Data),
        };
    }
}
