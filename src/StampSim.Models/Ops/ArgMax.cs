namespace StampSim.Models.Ops;

/// <summary>Index of the largest value.</summary>
public static class ArgMax
{
    /// <summary>Index of the largest of <paramref name="values"/> (the first of equal maxima).</summary>
    public static int Of(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }
}
