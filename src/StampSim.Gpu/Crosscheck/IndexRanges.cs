namespace StampSim.Gpu.Crosscheck;

/// <summary>A set of indices as compact ranges, e.g. <c>0–3, 7, 16–31</c> (at most a few ranges, then how many more).</summary>
public static class IndexRanges
{
    private const int Shown = 6;

    /// <summary>The marked indices of <paramref name="marked"/> as text.</summary>
    public static string Text(bool[] marked)
    {
        var ranges = new List<string>();
        int count = 0, more = 0;
        for (int i = 0; i < marked.Length; i++)
        {
            if (!marked[i]) continue;
            int j = i;
            while (j + 1 < marked.Length && marked[j + 1]) j++;
            count += j - i + 1;
            if (ranges.Count < Shown) ranges.Add(i == j ? $"{i}" : $"{i}–{j}");
            else more++;
            i = j;
        }
        return string.Join(", ", ranges) + (more > 0 ? $" and {more} more ranges" : "") + $" ({count} of {marked.Length})";
    }
}
