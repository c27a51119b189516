namespace StampSim.Sweeps;

/// <summary>Non-dominated points: no other point is at least as good in every objective and better in one.</summary>
public static class ParetoFront
{
    /// <summary>
    /// The indices of the non-dominated rows of <paramref name="values"/> (one array of objective values
    /// per row, all to be minimised — negate maximised ones first). Rows with NaN never enter the front.
    /// </summary>
    public static IReadOnlyList<int> Of(IReadOnlyList<double[]> values)
    {
        var front = new List<int>();
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i].Any(double.IsNaN)) continue;
            bool dominated = false;
            for (int j = 0; j < values.Count && !dominated; j++)
                dominated = j != i && !values[j].Any(double.IsNaN) && Dominates(values[j], values[i]);
            if (!dominated) front.Add(i);
        }
        return front;
    }

    /// <summary>True when <paramref name="a"/> is no worse than <paramref name="b"/> everywhere and better somewhere.</summary>
    public static bool Dominates(double[] a, double[] b)
    {
        bool better = false;
        for (int k = 0; k < a.Length; k++)
        {
            if (a[k] > b[k]) return false;
            if (a[k] < b[k]) better = true;
        }
        return better;
    }
}
