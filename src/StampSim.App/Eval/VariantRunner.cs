using StampSim.Models.Evaluation;
using StampSim.Reports.Eval;

namespace StampSim.App.Eval;

/// <summary>Evaluates every numerics variant in turn, reporting progress across all of them and each finished variant.</summary>
public static class VariantRunner
{
    /// <summary>Runs <paramref name="evaluate"/> on each variant, in order.</summary>
    /// <param name="variants">The comparison set.</param>
    /// <param name="evaluate">One variant's evaluation; it reports (done, total) units of that variant.</param>
    /// <param name="progress">Hears every unit done, over all variants.</param>
    /// <param name="finished">Hears each variant's result as soon as it is known.</param>
    public static IReadOnlyList<EvalRow<T>> Run<T>(IReadOnlyList<ComparisonVariant> variants, Func<ComparisonVariant, Action<int, int>, T> evaluate,
        Action<EvalProgress> progress, Action<EvalRow<T>> finished)
    {
        var rows = new List<EvalRow<T>>(variants.Count);
        for (int k = 0; k < variants.Count; k++)
        {
            var v = variants[k];
            long before = k;
            var row = new EvalRow<T>(v, evaluate(v, (done, total) =>
                progress(new EvalProgress(before * total + done, (long)variants.Count * total, v.Name, done == total))));
            rows.Add(row);
            finished(row);
        }
        return rows;
    }
}
