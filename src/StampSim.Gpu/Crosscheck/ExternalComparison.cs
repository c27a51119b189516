using StampSim.Numerics;
using StampSim.Pipeline;

namespace StampSim.Gpu.Crosscheck;

/// <summary>
/// Judges a user's kernel dumps against the golden engine for the same inputs, stage by stage in pipeline
/// order: each dumped stage against the golden one and isolated (<see cref="IsolatedStages"/>).
/// </summary>
public static class ExternalComparison
{
    /// <summary>Mismatches listed per stage.</summary>
    public const int Listed = 8;

    /// <summary>Compares every dumped stage with <paramref name="golden"/> (run with intermediates kept) under <paramref name="settings"/>.</summary>
    /// <param name="inputs">The layer.</param>
    /// <param name="golden">Its golden run.</param>
    /// <param name="settings">The numerics and MAC rows.</param>
    /// <param name="outputs">The kernel's dumps.</param>
    /// <param name="ulpTolerance">Ulps a float stage may be off from its own inputs and pass (integer stages are always exact).</param>
    /// <exception cref="InputException">A dump's shape does not match the golden one (the message names the file).</exception>
    public static ExternalVerdict Compare(LayerInputs inputs, LayerResult golden, GoldenSettings settings, ExternalOutputs outputs, long ulpTolerance = 0)
    {
        var gold = GoldenStages.Of(inputs, golden);
        foreach (var stage in ExternalStages.All.Where(outputs.Has))
            RequireShape(outputs.Source(stage), gold[stage.Name].Shape, stage);
        var isolated = IsolatedStages.Compute(inputs, golden, settings, outputs);
        var verdicts = new List<StageVerdict>();
        foreach (var stage in ExternalStages.All.Where(outputs.Has))
        {
            var g = gold[stage.Name];
            var iso = isolated[stage.Name];
            var goldenVerdict = Judge(stage, g, outputs, ulpTolerance);
            var isolatedVerdict = Judge(stage, iso, outputs, ulpTolerance);
            var basis = isolatedVerdict.Matches ? g : iso;
            var (first, affected) = Describe(stage, basis, outputs);
            verdicts.Add(new StageVerdict(stage, goldenVerdict, isolatedVerdict, first, affected, ulpTolerance));
        }
        return new ExternalVerdict(verdicts, golden.Gemm.Events);
    }

    private static StageComparison Judge(ExternalStage stage, StageValues expected, ExternalOutputs outputs, long tolerance) =>
        expected.Floats is { } f
            ? ArrayComparer.Compare(stage.Title, expected.Shape, f, outputs.Float(stage)!, tolerance)
            : ArrayComparer.Compare(stage.Title, expected.Shape, expected.Integers!, outputs.Integer(stage)!);

    private static (IReadOnlyList<MismatchDetail>, IReadOnlyList<string>) Describe(ExternalStage stage, StageValues expected, ExternalOutputs outputs)
    {
        float[]? af = outputs.Float(stage);
        long[]? ai = outputs.Integer(stage);
        var shape = expected.Shape;
        var marked = shape.Select(dim => new bool[dim]).ToArray();
        var first = new List<MismatchDetail>();
        long length = shape.Aggregate(1L, (a, b) => a * b);
        for (long i = 0; i < length; i++)
        {
            bool same = af is not null
                ? BitConverter.SingleToInt32Bits(af[i]) == BitConverter.SingleToInt32Bits(expected.Floats![i])
                : ai![i] == expected.Integers![i];
            if (same) continue;
            var index = MultiIndex(i, shape);
            for (int k = 0; k < shape.Length; k++) marked[k][index[k]] = true;
            if (first.Count < Listed)
                first.Add(new MismatchDetail(index, expected.Text(i),
                    af is not null ? af[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture) : ai![i].ToString(System.Globalization.CultureInfo.InvariantCulture),
                    expected.Explain?.Invoke(i)));
        }
        var affected = first.Count == 0 ? [] : stage.Axes.Select((axis, k) => $"{axis} {IndexRanges.Text(marked[k])}").ToArray();
        return (first, affected);
    }

    private static long[] MultiIndex(long flat, long[] shape)
    {
        var index = new long[shape.Length];
        for (int k = shape.Length - 1; k >= 0; k--)
        {
            long dim = Math.Max(1, shape[k]);
            index[k] = flat % dim;
            flat /= dim;
        }
        return index;
    }

    // The dump's shape must equal the golden one once axes of length 1 are dropped ((s, n) for (s, 1, n), (s,) for (s, 1)).
    private static void RequireShape((string Path, long[] Shape) dump, long[] expected, ExternalStage stage)
    {
        if (!dump.Shape.Where(x => x != 1).SequenceEqual(expected.Where(x => x != 1)))
            throw new InputException($"{dump.Path}: shape {Text(dump.Shape)} does not match the golden {stage.Name} {Text(expected)}");
    }

    private static string Text(long[] shape) => "(" + string.Join(", ", shape) + (shape.Length == 1 ? ",)" : ")");
}
