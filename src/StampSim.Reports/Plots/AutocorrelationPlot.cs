using ScottPlot;
using StampSim.Reports.Run;

namespace StampSim.Reports.Plots;

/// <summary>The focus layer's token-token correlation matrix as a heat map.</summary>
internal static class AutocorrelationPlot
{
    public static PlotFile Render(RunResult run, string folder)
    {
        var focus = run.Focus;
        var a = focus.Autocorrelation;
        string layer = focus.Choice.Layer.Name;
        var plot = PlotTheme.Create($"Sequence autocorrelation of {layer}", "token j", "token i");
        var cells = new double[a.Tokens, a.Tokens];
        for (int i = 0; i < a.Tokens; i++)
            for (int j = 0; j < a.Tokens; j++)
                cells[i, j] = a[i, j];
        var map = plot.Add.Heatmap(cells);
        map.Colormap = new ScottPlot.Colormaps.Balance();
        map.ManualRange = new ScottPlot.Range(-1, 1);
        map.Extent = new CoordinateRect(0, a.Tokens, 0, a.Tokens);
        map.FlipVertically = true; // token 0 at the top-left, as matrices are drawn
        var bar = plot.Add.ColorBar(map);
        bar.Label = "correlation (channels standardised)";
        bar.LabelStyle.FontSize = 16;
        plot.Axes.InvertY();
        plot.Axes.SetLimits(0, a.Tokens, a.Tokens, 0);
        string stem = "autocorrelation";
        PlotTheme.Save(plot, folder, stem, PlotTheme.Square);
        var lags = a.ByLag();
        string profile = string.Join(", ", new[] { 1, 2, 4, 8, 16 }.Where(k => k < lags.Length).Select(k => $"lag {k}: {lags[k]:0.00}"));
        return new PlotFile(stem, "", $"Sequence autocorrelation ({layer})",
            $"Correlation between tokens i and j of the layer's input (each channel centred and scaled to unit variance, then the cosine between tokens; " +
            $"first {a.Tokens} tokens). Locally correlated activations give a band along the diagonal that depends only on |i - j| (a Toeplitz matrix), " +
            $"which is what lets the sequence transform compact energy. Mean correlation by lag: {profile}.");
    }
}
