using ScottPlot;
using StampSim.Reports.Run;
using StampSim.Hardware;

namespace StampSim.Reports.Plots;

/// <summary>Output SQNR per layer for STaMP, A4 and A8.</summary>
internal static class SqnrPlot
{
    public static PlotFile Render(RunResult run, ConfigSpec config, string folder)
    {
        var plot = PlotTheme.Create($"Output SQNR per layer: {config.Label}", "layer", "output SQNR (dB, higher is better)");
        var layers = run.Layers;
        var xs = Enumerable.Range(0, layers.Count).Select(i => (double)i).ToArray();
        string transforms = string.Join(" / ", layers.Select(l => l.On(config.Label).Result(Variant.Stamp).Transform).Distinct());
        foreach (var v in Variants.All)
        {
            // An exact layer (infinite SQNR) has no finite point to draw; it is left out of the line.
            var ys = layers.Select(l => l.On(config.Label).Result(v).Metrics.SqnrDb).Select(y => double.IsFinite(y) ? y : double.NaN).ToArray();
            var line = plot.Add.Scatter(xs, ys, PlotTheme.Of(v));
            line.MarkerShape = PlotTheme.MarkerOf(v);
            line.MarkerSize = 9;
            line.LineWidth = 1.5f;
            line.LegendText = v switch
            {
                Variant.Stamp => $"{config.Config.Numerics.DescribeActivations()} (ran as {transforms})",
                Variant.A4 => "A4 (all tokens 4-bit, no transform)",
                _ => "A8 (all tokens 8-bit, no transform)",
            };
        }
        PlotTheme.LayerTicks(plot, layers.Select(l => l.Layer.Name).ToList(), xs);
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Margins(top: 0.2);
        string stem = $"sqnr.{config.Label}";
        PlotTheme.Save(plot, folder, stem, PlotTheme.Wide);
        return new PlotFile(stem, config.Label, "SQNR per layer",
            "Output SQNR of every layer against its float64 reference (10 log10 of signal over error energy; +6 dB is about one more bit). " +
            "STaMP should sit between A4 and A8 at a payload close to A4's.");
    }
}
