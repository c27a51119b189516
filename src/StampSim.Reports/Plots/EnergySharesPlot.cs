using ScottPlot;
using StampSim.Evaluation;
using StampSim.Hardware;
using StampSim.Numerics;
using StampSim.Reports.Run;
using StampSim.Reports.Writers;

namespace StampSim.Reports.Plots;

/// <summary>
/// Each energy component's share of the total energy over the run's layers, STaMP vs A4 vs A8, on a log
/// scale and labelled in percent: the MAC, transform, quantizer and epilogue energies that the stacked
/// bars of <see cref="EnergyByComponentPlot"/> cannot show next to DRAM and SRAM.
/// </summary>
internal static class EnergySharesPlot
{
    private const double BarHeight = 0.26;

    public static PlotFile Render(RunResult run, ConfigSpec config, string folder)
    {
        var totals = run.Totals.First(t => t.Label == config.Label);
        var components = LayersCsv.Components;
        var plot = PlotTheme.Create($"Energy share by component: {config.Label} (all layers; log scale)", "share of the total energy (%, log scale)", "");
        var positive = Variants.All.SelectMany(v => components.Select(c => totals.ByVariant[v].EnergySharePercent(c))).Where(x => x > 0).ToList();
        // From below the smallest share to a little right of the largest, for its label.
        double xMin = Math.Floor(Math.Log10(positive.Count == 0 ? 1 : positive.Min())) - 0.3, xMax = Math.Log10(positive.Count == 0 ? 100 : positive.Max()) + 0.3;
        foreach (var (v, k) in Variants.All.Select((v, k) => (v, k)))
        {
            var bars = new List<Bar>();
            for (int i = 0; i < components.Count; i++)
            {
                double share = totals.ByVariant[v].EnergySharePercent(components[i]);
                double y = Position(i, k);
                if (share > 0)
                    bars.Add(new Bar { Position = y, ValueBase = xMin, Value = Math.Log10(share), Size = BarHeight, FillColor = PlotTheme.Of(v), LineWidth = 0 });
                var label = plot.Add.Text(Display.SharePercent(share), share > 0 ? Math.Log10(share) : xMin, y);
                label.LabelFontSize = 12;
                label.LabelAlignment = Alignment.MiddleLeft;
                label.LabelOffsetX = 4;
            }
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.Color = PlotTheme.Of(v);
            plottable.LegendText = v.Display();
        }
        plot.Axes.Left.SetTicks(Enumerable.Range(0, components.Count).Select(i => Position(i, 1)).ToArray(), components.Select(c => ConfigNames.Of(c)).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        LogAxis.Apply(plot.Axes.Bottom, xMin, xMax);
        plot.Axes.SetLimits(xMin, xMax, Position(components.Count - 1, 2) - 0.5, Position(0, 0) + 0.5);
        PlotTheme.LegendBelow(plot);
        string stem = $"energy_shares.{config.Label}";
        PlotTheme.Save(plot, folder, stem, PlotTheme.Standard);
        return new PlotFile(stem, config.Label, "Energy share by component",
            "Each component's share of the total energy over all layers, for STaMP, A4 and A8, on a log scale so that the MAC array, the sequence " +
            "transform (dwt), the quantizer and the epilogue stay visible next to DRAM and SRAM; every bar is labelled with its percentage " +
            "(0% where the variant has no such work, e.g. no transform for A4 and A8).");
    }

    // Components top to bottom, the three variants of each one under another.
    private static double Position(int component, int variant) => -component + (1 - variant) * (BarHeight + 0.02);
}
