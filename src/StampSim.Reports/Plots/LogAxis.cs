using System.Globalization;
using ScottPlot;

namespace StampSim.Reports.Plots;

/// <summary>
/// Log-scale axes for ScottPlot, which plots linear coordinates: values are drawn as log10. Ticks are
/// placed at 1, 2 and 5 times each power of ten (labelled) with unlabelled minor ticks between; an axis
/// too short for <see cref="MinLabelled"/> such ticks (less than about a decade) is labelled at a round
/// linear step instead (e.g. 1,000, 1,500, 2,000, 2,500).
/// </summary>
internal static class LogAxis
{
    /// <summary>The fewest labelled ticks an axis gets.</summary>
    public const int MinLabelled = 4;

    /// <summary>Ticks for an axis spanning log10 values <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static void Apply(IAxis axis, double min, double max)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (position, label) in Ticks(min, max))
        {
            if (label is null) ticks.AddMinor(position);
            else ticks.AddMajor(position, label);
        }
        axis.TickGenerator = ticks;
    }

    /// <summary>The ticks (log10 position, label; null for a minor tick) of an axis spanning log10 values <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static IReadOnlyList<(double Position, string? Label)> Ticks(double min, double max)
    {
        var decade = new List<(double Position, string? Label)>();
        for (int k = (int)Math.Floor(min); k <= (int)Math.Ceiling(max); k++)
        {
            for (int m = 1; m <= 9; m++)
            {
                double value = m * Math.Pow(10, k), position = Math.Log10(value);
                if (position < min || position > max) continue;
                decade.Add((position, m is 1 or 2 or 5 ? Label(value, value < 1 ? "0.###" : "N0") : null));
            }
        }
        if (decade.Count(t => t.Label is not null) >= MinLabelled || !(max > min)) return decade;

        // A short axis: labels at the largest round step (1, 2 or 5 times a power of ten) that gives enough of them.
        double lo = Math.Pow(10, min), hi = Math.Pow(10, max);
        int exponent = (int)Math.Ceiling(Math.Log10(hi - lo));
        double step = Math.Pow(10, exponent);
        for (int i = 0; Count(lo, hi, step) < MinLabelled; i++)
            step = new[] { 5.0, 2.0, 1.0 }[i % 3] * Math.Pow(10, exponent - 1 - i / 3);
        string format = "N" + Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        var linear = new List<(double Position, string? Label)>();
        for (long j = (long)Math.Ceiling(lo / step - 1e-9); j * step <= hi * (1 + 1e-12); j++)
            linear.Add((Math.Log10(j * step), Label(j * step, format)));
        linear.AddRange(decade.Where(t => !linear.Any(l => Math.Abs(l.Position - t.Position) < 1e-9)).Select(t => (t.Position, (string?)null)));
        return linear;
    }

    private static long Count(double lo, double hi, double step) =>
        (long)Math.Floor(hi / step + 1e-9) - (long)Math.Ceiling(lo / step - 1e-9) + 1;

    private static string Label(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
