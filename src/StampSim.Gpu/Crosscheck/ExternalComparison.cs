using StampSim.Pipeline;

namespace StampSim.Gpu.Crosscheck;

/// <summary>
/// Compares a user's kernel outputs with the golden engine's prediction for the same inputs, in
/// pipeline order, so the first stage that deviates is the first one reported.
/// </summary>
public static class ExternalComparison
{
    /// <summary>Compares every given output with <paramref name="golden"/> (run with intermediates kept).</summary>
    /// <exception cref="InputException">A tensor's shape does not match the golden one (the message names the file).</exception>
    public static IReadOnlyList<StageComparison> Compare(LayerInputs inputs, LayerResult golden, ExternalOutputs outputs)
    {
        var mid = golden.Intermediates ?? throw new ArgumentException("the golden result must keep its intermediates", nameof(golden));
        long s = inputs.Tokens, d = inputs.Features, n = inputs.Outputs, groups = golden.Activations.Groups;
        var stages = LayerComparison.Stages;
        var result = new List<StageComparison>();
        if (outputs.TransformedX is { } lx)
            result.Add(ArrayComparer.Compare(stages[0], Require(lx, [s, d], stages[0]), golden.TransformedX, lx.Data));
        if (outputs.Codes is { } codes)
            result.Add(ArrayComparer.Compare(stages[1], Require(codes, [s, d], stages[1]),
                LayerComparison.Signed(golden.Activations.Codes, golden.Activations.CodeOffset), codes.Data));
        if (outputs.Accumulators is { } acc)
        {
            long[] shape = groups == 1 && acc.Shape.Length == 2 ? [s, n] : [s, groups, n];
            result.Add(ArrayComparer.Compare(stages[7], Require(acc, shape, stages[7]), mid.Accumulators, acc.Data));
        }
        if (outputs.Yt is { } yt)
            result.Add(ArrayComparer.Compare(stages[9], Require(yt, [s, n], stages[9]), mid.Yt, yt.Data));
        if (outputs.Y is { } y)
            result.Add(ArrayComparer.Compare(stages[11], Require(y, [s, n], stages[11]), golden.Y.Data, y.Data));
        return result;
    }

    private static long[] Require<T>(ExternalTensor<T> tensor, long[] expected, string stage)
    {
        if (!tensor.Shape.SequenceEqual(expected))
            throw new InputException($"{tensor.Path}: shape {Text(tensor.Shape)} does not match the golden {stage} {Text(expected)}");
        return expected;
    }

    private static string Text(long[] shape) => "(" + string.Join(", ", shape) + (shape.Length == 1 ? ",)" : ")");
}
