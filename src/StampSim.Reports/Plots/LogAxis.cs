using ScottPlot;

namespace StampSim.Reports.Plots;

/// <summary>
/// Log-scale axes for ScottPlot, which plots linear coordinates: values are drawn as log10, and the
/// ticks are placed at 1, 2 and 5 times each power of ten (labelled) with unlabelled minor ticks between.
/// </summary>
internal static class LogAxis
{
    /// <summary>Ticks for an axis spanning log10 values <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static void Apply(IAxis axis, double min, double max)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int k = (int)Math.Floor(min); k <= (int)Math.Ceiling(max); k++)
        {
            for (int m = 1; m <= 9; m++)
            {
                double value = m * Math.Pow(10, k), position = Math.Log10(value);
                if (position < min || position > max) continue;
                if (m is 1 or 2 or 5) ticks.AddMajor(position, Label(value));
                else ticks.AddMinor(position);
            }
        }
        axis.TickGenerator = ticks;
    }

    private static string Label(double value) =>
        value.ToString(value < 1 ? "0.###" : "N0", System.Globalization.CultureInfo.InvariantCulture);
}
