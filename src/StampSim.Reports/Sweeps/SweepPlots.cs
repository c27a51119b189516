using System.Globalization;
using ScottPlot;
using StampSim.Reports.Plots;

namespace StampSim.Reports.Sweeps;

/// <summary>The plots of a sweep: the Pareto front (energy vs latency coloured by SQNR; SQNR vs payload bits) and one-axis sensitivities.</summary>
internal static class SweepPlots
{
    public static IReadOnlyList<PlotFile> Render(SweepTable t, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new List<PlotFile> { EnergyLatency(t, folder), SqnrBits(t, folder) };
        for (int k = 0; k < t.Spec.Axes.Count; k++)
            if (t.Spec.Axes[k].Values.Count > 1) files.Add(Sensitivity(t, k, folder));
        return files;
    }

    private static PlotFile EnergyLatency(SweepTable t, string folder)
    {
        const string stem = "pareto_energy_latency";
        PlotThemeSave(EnergyLatencyPlot(t), folder, stem);
        return new PlotFile(stem, "", "Pareto front: energy vs latency",
            "Every feasible design point: its total latency over the trace's layers (x) and total energy (y), coloured by output SQNR. " +
            "Circled points are Pareto-optimal in the spec's objectives (SQNR included, so a circled point may look dominated in this 2-D view). " +
            "Points that would hide each other (designs with the same latency and energy, e.g. differing only in the numerics) are spread on a small " +
            "spiral around their common position, one marker apart. Down and left is better.");
    }

    /// <summary>The Pareto plot: log-log energy vs latency, markers coloured by SQNR and spread where they coincide, the legend under the plot.</summary>
    internal static Plot EnergyLatencyPlot(SweepTable t)
    {
        var plot = PlotTheme.Create("Pareto front: energy vs latency (colour: output SQNR)", "latency (us, log scale)", "energy (uJ, log scale)");
        var rows = t.Feasible.ToList();
        var sqnr = rows.Select(r => Finite(t.Number(r, "sqnr_db"))).ToArray();
        var colors = new ValueColorAxis(new ScottPlot.Colormaps.Viridis(), sqnr.Min(), sqnr.Max());
        var xs = rows.Select(r => Math.Log10(t.Number(r, "seconds") * 1e6)).ToArray();
        var ys = rows.Select(r => Math.Log10(t.Number(r, "energy_pj") / 1e6)).ToArray();
        var (xMin, xMax, yMin, yMax) = Limits(xs, ys);
        // One marker in plot units: the data area of a standard plot is roughly 950 x 600 pixels.
        var at = PointSpread.Spread(xs, ys, (xMax - xMin) * MarkerPixels / 950, (yMax - yMin) * MarkerPixels / 600);
        for (int i = 0; i < rows.Count; i++)
            plot.Add.Marker(at[i].X, at[i].Y, MarkerShape.FilledCircle, 7, colors.Of(sqnr[i]));
        var optimal = t.Pareto.Select(r => t.Text(r, "index")).ToHashSet();
        var front = Enumerable.Range(0, rows.Count).Where(i => optimal.Contains(t.Text(rows[i], "index"))).ToList();
        var frontMarkers = plot.Add.Markers(front.Select(i => at[i].X).ToArray(), front.Select(i => at[i].Y).ToArray(), MarkerShape.OpenCircle, 14, Colors.Black);
        frontMarkers.LegendText = $"Pareto-optimal in {string.Join(", ", t.Spec.Objectives.Select(o => o.Name))} ({front.Count} points)";
        var all = plot.Add.Markers(Array.Empty<double>(), Array.Empty<double>(), MarkerShape.FilledCircle, 7, colors.Of(sqnr.Average()));
        int spread = at.Count(p => p.Group > 1);
        all.LegendText = $"feasible design points ({rows.Count}{(spread > 0 ? $"; {spread} spread apart where they coincide" : "")}); colour = output SQNR";
        var bar = plot.Add.ColorBar(colors);
        bar.Label = "output SQNR (dB)";
        bar.LabelStyle.FontSize = 15;
        LogAxis.Apply(plot.Axes.Bottom, xMin, xMax);
        LogAxis.Apply(plot.Axes.Left, yMin, yMax);
        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        PlotTheme.LegendBelow(plot);
        return plot;
    }

    // Marker spacing in pixels: a 7-pixel marker and a little air.
    private const double MarkerPixels = 9;

    private static PlotFile SqnrBits(SweepTable t, string folder)
    {
        var plot = PlotTheme.Create("Output SQNR vs activation bits", "payload bits per activation element", "output SQNR (dB)");
        var rows = t.Feasible.ToList();
        var all = plot.Add.Markers(rows.Select(r => t.Number(r, "payload_bits")).ToArray(), rows.Select(r => Finite(t.Number(r, "sqnr_db"))).ToArray(),
            MarkerShape.FilledCircle, 8, Color.FromHex("#1f77b4").WithAlpha(0.6));
        all.LegendText = $"feasible design points ({rows.Count})";
        var front = plot.Add.Markers(t.Pareto.Select(r => t.Number(r, "payload_bits")).ToArray(), t.Pareto.Select(r => Finite(t.Number(r, "sqnr_db"))).ToArray(),
            MarkerShape.OpenCircle, 15, Colors.Black);
        front.LegendText = $"Pareto-optimal ({t.Pareto.Count})";
        PlotTheme.LegendBelow(plot);
        plot.Axes.Margins(0.1, 0.15);
        const string stem = "sqnr_vs_bits";
        PlotThemeSave(plot, folder, stem);
        return new PlotFile(stem, "", "SQNR vs payload bits",
            "What the numerics buy: output SQNR over the trace's layers against the mean payload bits per activation element (more high-precision tokens raise both). " +
            "Points on the same vertical line differ only in hardware.");
    }

    private static PlotFile Sensitivity(SweepTable t, int axis, string folder)
    {
        string key = t.Spec.Axes[axis].Key;
        string stem = $"sensitivity.{key}";
        PlotThemeSave(SensitivityPlot(t, axis), folder, stem);
        return new PlotFile(stem, "", $"Sensitivity to {key}",
            $"For each value of {key}: the median energy, latency and DRAM traffic over all feasible points with that value (other axes varying), " +
            "relative to the first value, and the median output SQNR on the right axis.");
    }

    /// <summary>The one-axis sensitivity plot of axis <paramref name="axis"/>, its legend under the plot.</summary>
    internal static Plot SensitivityPlot(SweepTable t, int axis)
    {
        var spec = t.Spec;
        string key = spec.Axes[axis].Key;
        var values = spec.Axes[axis].Values;
        var rows = t.Feasible.ToList();
        int column = t.FirstAxisColumn + axis;
        var plot = PlotTheme.Create($"Sensitivity to {key}", key, "median over the other axes, relative to the first value");
        var xs = Enumerable.Range(0, values.Count).Select(i => (double)i).ToArray();
        foreach (var (metric, label, color) in new[] { ("energy_pj", "energy", "#d62728"), ("seconds", "latency", "#1f77b4"), ("dram_bytes", "DRAM bytes", "#9467bd") })
        {
            var medians = values.Select(v => Median(rows.Where(r => r[column] == v).Select(r => t.Number(r, metric)))).ToArray();
            double first = medians.FirstOrDefault(m => !double.IsNaN(m) && m != 0);
            var line = plot.Add.Scatter(xs, medians.Select(m => m / first).ToArray(), Color.FromHex(color));
            line.LegendText = $"{label} (relative)";
            line.LineWidth = 2;
            line.MarkerSize = 9;
        }
        var sqnrMedians = values.Select(v => Median(rows.Where(r => r[column] == v).Select(r => Finite(t.Number(r, "sqnr_db"))))).ToArray();
        var sqnr = plot.Add.Scatter(xs, sqnrMedians, Color.FromHex("#2ca02c"));
        sqnr.Axes.YAxis = plot.Axes.Right;
        sqnr.LegendText = "output SQNR (dB, right axis)";
        sqnr.LineWidth = 2;
        sqnr.MarkerShape = MarkerShape.FilledDiamond;
        sqnr.MarkerSize = 9;
        plot.Axes.Right.Label.Text = "output SQNR (dB)";
        plot.Axes.Right.Label.FontSize = 17;
        plot.Axes.Bottom.SetTicks(xs, values.ToArray());
        plot.Axes.Margins(0.08, 0.15);
        PlotTheme.LegendBelow(plot);
        return plot;
    }

    private static (double XMin, double XMax, double YMin, double YMax) Limits(double[] xs, double[] ys) =>
        (xs.Min() - 0.1, xs.Max() + 0.1, ys.Min() - 0.1, ys.Max() + 0.1);

    private static void PlotThemeSave(Plot plot, string folder, string stem) =>
        PlotTheme.Save(plot, folder, stem, PlotTheme.Standard);

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).Order().ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    // An exact result (infinite SQNR) cannot be drawn; it is clamped to the largest finite scale value.
    private static double Finite(double v) => double.IsPositiveInfinity(v) ? 200 : v;

    internal static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
