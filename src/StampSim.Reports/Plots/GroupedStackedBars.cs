using ScottPlot;
using StampSim.Reports.Run;
using StampSim.Hardware;

namespace StampSim.Reports.Plots;

/// <summary>
/// One group of three stacked bars per layer (STaMP, A4, A8, left to right, each labelled above its
/// stack with S, 4 or 8); segments are stages or components, one colour each.
/// </summary>
internal static class GroupedStackedBars
{
    private const double BarWidth = 0.26;

    /// <summary>Offset of a variant's bar from its group centre.</summary>
    public static double Offset(Variant v) => (Variants.All.ToList().IndexOf(v) - 1) * (BarWidth + 0.02);

    /// <summary>Short label drawn above a variant's bar.</summary>
    public static string Tag(Variant v) => v switch
    {
        Variant.Stamp => "S",
        Variant.A4 => "4",
        _ => "8",
    };

    /// <summary>Adds the bars, one stacked segment per entry of <paramref name="segments"/> (named by <paramref name="label"/>); <paramref name="value"/> gives a segment's height for (layer index, variant, segment), NaN for an infeasible layer.</summary>
    public static void Add<TSegment>(Plot plot, int layers, IReadOnlyList<TSegment> segments, Func<TSegment, string> label, Func<int, Variant, TSegment, double> value)
    {
        var tops = new double[layers, Variants.All.Count];
        for (int s = 0; s < segments.Count; s++)
        {
            var bars = new List<Bar>();
            for (int i = 0; i < layers; i++)
            {
                foreach (var (v, k) in Variants.All.Select((v, k) => (v, k)))
                {
                    double h = value(i, v, segments[s]);
                    if (!double.IsFinite(h) || h <= 0) continue;
                    bars.Add(new Bar
                    {
                        Position = i + Offset(v),
                        ValueBase = tops[i, k],
                        Value = tops[i, k] + h,
                        Size = BarWidth,
                        FillColor = PlotTheme.Segment(s),
                        LineWidth = 0,
                    });
                    tops[i, k] += h;
                }
            }
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = label(segments[s]);
            plottable.Color = PlotTheme.Segment(s);
        }
        for (int i = 0; i < layers; i++)
        {
            foreach (var (v, k) in Variants.All.Select((v, k) => (v, k)))
            {
                var text = plot.Add.Text(Tag(v), i + Offset(v), tops[i, k]);
                text.LabelFontSize = 10;
                text.LabelAlignment = Alignment.LowerCenter;
                text.LabelFontColor = Colors.Black.WithAlpha(0.75);
            }
        }
        plot.Axes.Margins(bottom: 0, top: 0.08);
    }
}
