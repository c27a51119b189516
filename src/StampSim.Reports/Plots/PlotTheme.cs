using ScottPlot;
using StampSim.Reports.Run;
using StampSim.Hardware;

namespace StampSim.Reports.Plots;

/// <summary>The look shared by every report plot: a sans font, large titles and labels, and fixed colours per variant.</summary>
internal static class PlotTheme
{
    /// <summary>Size of the per-layer plots (one group of bars or points per layer).</summary>
    public static readonly (int Width, int Height) Wide = (1800, 820);

    /// <summary>Size of the single-panel plots.</summary>
    public static readonly (int Width, int Height) Standard = (1200, 800);

    /// <summary>Size of the heat map.</summary>
    public static readonly (int Width, int Height) Square = (1000, 880);

    // DejaVu Sans when the machine has it (ScottPlot's own detection can settle on a serif font).
    private const string PreferredFont = "DejaVu Sans";

    /// <summary>A plot with title and axis labels set in the report style.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        if (Fonts.GetTypeface(PreferredFont, false, false)?.FamilyName == PreferredFont)
            plot.Font.Set(PreferredFont);
        plot.Title(title, 22);
        plot.XLabel(xLabel, 17);
        plot.YLabel(yLabel, 17);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Legend.FontSize = 14;
        return plot;
    }

    /// <summary>Colour of a variant's points and lines.</summary>
    public static Color Of(Variant v) => v switch
    {
        Variant.Stamp => Color.FromHex("#d62728"),
        Variant.A4 => Color.FromHex("#1f77b4"),
        _ => Color.FromHex("#2ca02c"),
    };

    /// <summary>Marker of a variant.</summary>
    public static MarkerShape MarkerOf(Variant v) => v switch
    {
        Variant.Stamp => MarkerShape.FilledCircle,
        Variant.A4 => MarkerShape.FilledSquare,
        _ => MarkerShape.FilledTriangleUp,
    };

    /// <summary>Distinct colours for stacked segments (stages, energy components).</summary>
    public static Color Segment(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    /// <summary>Layer names as x tick labels at <paramref name="positions"/>, rotated so that long names fit.</summary>
    public static void LayerTicks(Plot plot, IReadOnlyList<string> names, IReadOnlyList<double> positions)
    {
        plot.Axes.Bottom.SetTicks(positions.ToArray(), names.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        float longest = names.Count == 0 ? 0 : names.Max(n => n.Length);
        plot.Axes.Bottom.MinimumSize = 40 + longest * 6.5f;
        plot.Axes.Left.MinimumSize = 30 + longest * 4f; // room for the first, slanted label
    }

    /// <summary>The legend in a panel under the plot, outside the data area, so that it never covers data.</summary>
    public static void LegendBelow(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
    }

    /// <summary>Writes the PNG and the SVG of <paramref name="plot"/>, each atomically (a sweep's plots are written in place).</summary>
    public static void Save(Plot plot, string folder, string stem, (int Width, int Height) size)
    {
        var png = plot.GetImageBytes(size.Width, size.Height, ImageFormat.Png);
        Io.AtomicFile.Write(Path.Combine(folder, stem + ".png"), s => s.Write(png));
        Io.AtomicFile.WriteAllText(Path.Combine(folder, stem + ".svg"), plot.GetSvgXml(size.Width, size.Height));
    }
}
