using ScottPlot;
using StampSim.Reports.Run;

namespace StampSim.Reports.Plots;

/// <summary>Cumulative share of activation energy against token index, before and after the sequence transform, for the focus layer.</summary>
internal static class CompactionPlot
{
    public static PlotFile Render(RunResult run, ConfigSpec config, string folder)
    {
        var focus = run.Focus;
        var c = focus.Compaction[config.Label];
        string layer = focus.Choice.Layer.Name;
        var plot = PlotTheme.Create($"Energy compaction of {layer}: {config.Label}", "token index (after the transform: coefficient index)",
            "cumulative share of activation energy (%)");
        var xs = Enumerable.Range(0, c.Before.Count).Select(i => (double)i).ToArray();
        var uniform = plot.Add.ScatterLine(new[] { 0.0, xs.Length - 1 }, new[] { 100.0 / xs.Length, 100.0 }, Colors.Gray);
        uniform.LinePattern = LinePattern.Dashed;
        uniform.LineWidth = 1.5f;
        uniform.LegendText = "equal energy per token";
        var before = plot.Add.ScatterLine(xs, c.Before.Select(v => 100 * v).ToArray(), Color.FromHex("#1f77b4"));
        before.LineWidth = 2.5f;
        before.LegendText = $"X, before the transform (first {c.HiTokens}: {Writers.Display.Percent(c.HiShareBefore)})";
        var after = plot.Add.ScatterLine(xs, c.After.Select(v => 100 * v).ToArray(), Color.FromHex("#d62728"));
        after.LineWidth = 2.5f;
        after.LegendText = $"L X, after {c.Transform} (first {c.HiTokens}: {Writers.Display.Percent(c.HiShareAfter)})";
        if (c.HiTokens > 0)
        {
            var hi = plot.Add.VerticalLine(c.HiTokens - 0.5, 1.5f, Colors.Black, LinePattern.Dotted);
            hi.LegendText = $"hi_tokens = {c.HiTokens} (quantized at {config.Config.Numerics.HiBits} bits)";
        }
        plot.Axes.SetLimitsY(0, 102);
        plot.Axes.SetLimitsX(0, xs.Length - 1);
        plot.ShowLegend(Alignment.LowerRight);
        string stem = $"energy_compaction.{config.Label}";
        PlotTheme.Save(plot, folder, stem, PlotTheme.Standard);
        return new PlotFile(stem, config.Label, $"Energy compaction ({layer})",
            $"Share of the layer's activation energy (sum of x²) held by the first k tokens, for the activations X and for the transformed L X. " +
            $"The tokens left of the dotted line get {config.Config.Numerics.HiBits} bits; the more energy they hold after the transform, the more STaMP gains. " +
            $"Layer {layer}: {focus.Choice.Reason}.");
    }
}
