using ScottPlot;
using StampSim.Reports.Analysis;
using StampSim.Reports.Run;
using StampSim.Hardware;

namespace StampSim.Reports.Plots;

/// <summary>The accelerator's roofline (log-log) with every layer placed on it for STaMP, A4 and A8.</summary>
internal static class RooflinePlot
{
    public static PlotFile Render(RunResult run, ConfigSpec config, string folder)
    {
        var r = run.Rooflines.First(x => x.Label == config.Label);
        var mac = config.Config.MacArray;
        var plot = PlotTheme.Create($"Roofline: {config.Label} ({mac.Rows}x{mac.Cols} {Numerics.ConfigNames.Of(mac.Multiplier)}, DRAM {r.DramBytesPerCycle:0.##} B/cycle)",
            "operational intensity (MAC per DRAM byte)", "throughput (MAC per cycle)");
        var intensities = r.Points.Select(p => p.Intensity).Append(r.RidgeIntensity).ToArray();
        double xMin = Math.Log10(intensities.Min()) - 0.5, xMax = Math.Log10(intensities.Max()) + 0.5;
        string bandwidth = $"DRAM {r.DramBytesPerCycle:0.##} B/cycle";
        if (r.PeakEightBits == r.PeakLowBits)
            Roof(plot, r, r.PeakLowBits, xMin, xMax, Color.FromHex("#444444"), $"roof: peak {r.PeakLowBits:0.#} MAC/cycle (any token width), {bandwidth}");
        else
        {
            Roof(plot, r, r.PeakLowBits, xMin, xMax, Color.FromHex("#444444"), $"roof, tokens of at most 4 bits: peak {r.PeakLowBits:0.#} MAC/cycle, {bandwidth}");
            Roof(plot, r, r.PeakEightBits, xMin, xMax, Color.FromHex("#999999"), $"roof, 8-bit tokens: peak {r.PeakEightBits:0.#} MAC/cycle, {bandwidth}");
        }
        foreach (var v in Variants.All)
        {
            var points = r.Points.Where(p => p.Variant == v).ToArray();
            if (points.Length == 0) continue;
            var markers = plot.Add.Markers(points.Select(p => Math.Log10(p.Intensity)).ToArray(), points.Select(p => Math.Log10(p.MacsPerCycle)).ToArray(),
                PlotTheme.MarkerOf(v), 11, PlotTheme.Of(v).WithAlpha(0.8));
            markers.LegendText = $"{v.Display()} layers";
        }
        // Layers of one shape land on one point: name the shape and count the layers beside STaMP's marker.
        foreach (var group in r.Points.Where(p => p.Variant == Variant.Stamp).GroupBy(p => p.Shape))
        {
            var first = group.First();
            var top = group.Key;
            double y = r.Points.Where(p => p.Shape == top).Max(p => p.MacsPerCycle);
            var label = plot.Add.Text($"d={top.Features} n={top.Outputs}, {group.Count()} layer{(group.Count() == 1 ? "" : "s")}", Math.Log10(first.Intensity), Math.Log10(y));
            label.LabelFontSize = 12;
            label.LabelRotation = -35;
            label.LabelAlignment = Alignment.MiddleLeft;
            label.LabelOffsetX = 6;
            label.LabelOffsetY = -10;
        }
        double yMin = Math.Log10(Math.Max(1e-3, r.Points.Count == 0 ? r.PeakLowBits / 100 : r.Points.Min(p => p.MacsPerCycle))) - 0.5;
        double yMax = Math.Log10(r.PeakLowBits) + 0.4;
        LogAxis.Apply(plot.Axes.Bottom, xMin, xMax);
        LogAxis.Apply(plot.Axes.Left, yMin, yMax);
        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        plot.ShowLegend(Alignment.LowerRight);
        string stem = $"roofline.{config.Label}";
        PlotTheme.Save(plot, folder, stem, PlotTheme.Standard);
        return new PlotFile(stem, config.Label, "Roofline",
            $"Each marker is one layer: its MACs over the DRAM bytes it moves (x) and over its total cycles (y). The sloped line is the DRAM bandwidth " +
            $"({r.DramBytesPerCycle:0.##} B/cycle), the flat lines the array's peak. A layer left of the ridge ({r.RidgeIntensity:0.#} MAC/B) is bandwidth-bound " +
            $"at best; the gap below the roof is time lost to other stages, on-chip memories, fill and drain. Layers of the same shape share a point; the labels give d, n and how many layers.");
    }

    // The roof: min(peak, intensity x bandwidth), drawn in log10 coordinates.
    private static void Roof(Plot plot, Roofline r, double peak, double xMin, double xMax, Color color, string label)
    {
        double ridge = Math.Log10(peak / r.DramBytesPerCycle);
        double[] xs = ridge > xMin ? [xMin, ridge, xMax] : [xMin, xMax];
        double[] ys = xs.Select(x => Math.Log10(Math.Min(peak, Math.Pow(10, x) * r.DramBytesPerCycle))).ToArray();
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.LineWidth = 3;
        line.LegendText = label;
    }
}
