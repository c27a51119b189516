using System.Globalization;

namespace StampSim.Gpu.Crosscheck;

/// <summary>The bit-level comparison of one stage's output with the golden engine's.</summary>
/// <param name="Stage">Stage name, e.g. <c>accumulators</c>.</param>
/// <param name="Shape">The stage's shape, for naming the first mismatch.</param>
/// <param name="Mismatches">Elements whose bits differ (<c>-0</c> against <c>+0</c> counts, at 0 ulp).</param>
/// <param name="FirstMismatch">Flat C-order index of the first mismatch, or null.</param>
/// <param name="FirstExpected">Golden value at the first mismatch.</param>
/// <param name="FirstActual">Compared value at the first mismatch.</param>
/// <param name="MaxAbsError">Largest absolute difference (NaN when a NaN was involved).</param>
/// <param name="MaxUlp">Largest distance in ulps over same-sign pairs (integer units for integer stages); <see cref="long.MaxValue"/> for NaN.</param>
/// <param name="Histogram">Distances of all elements.</param>
/// <param name="SignFlips">Float mismatches where both values are non-zero and their signs differ.</param>
/// <param name="BeyondTolerance">Mismatches beyond the tolerance asked for (all mismatches of an integer stage or without a tolerance).</param>
public sealed record StageComparison(
    string Stage, long[] Shape, long Mismatches, long? FirstMismatch, string? FirstExpected, string? FirstActual,
    double MaxAbsError, long MaxUlp, UlpHistogram Histogram, long SignFlips = 0, long BeyondTolerance = 0)
{
    /// <summary>Elements compared.</summary>
    public long Elements => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>True when every element matches bit for bit.</summary>
    public bool Matches => Mismatches == 0;

    /// <summary>The first mismatch as flat index and multi-index, e.g. <c>37 [1, 5]</c>, or <c>-</c>.</summary>
    public string FirstMismatchText => FirstMismatch is long i ? $"{i} {MultiIndex(i)}" : "-";

    /// <summary>The largest ulp distance as text (<c>nan</c> for NaN).</summary>
    public string MaxUlpText => MaxUlp == long.MaxValue ? "nan" : MaxUlp.ToString(CultureInfo.InvariantCulture);

    /// <summary>The largest absolute error as text.</summary>
    public string MaxAbsErrorText => double.IsNaN(MaxAbsError) ? "nan" : MaxAbsError.ToString("G6", CultureInfo.InvariantCulture);

    private string MultiIndex(long flat)
    {
        var index = new long[Shape.Length];
        for (int k = Shape.Length - 1; k >= 0; k--)
        {
            long dim = Math.Max(1, Shape[k]);
            index[k] = flat % dim;
            flat /= dim;
        }
        return "[" + string.Join(", ", index) + "]";
    }
}
