using ScottPlot;

namespace StampSim.Reports.Sweeps;

/// <summary>A colour scale for markers coloured by a value, so a colour bar can show it.</summary>
internal sealed class ValueColorAxis(IColormap colormap, double min, double max) : IHasColorAxis
{
    /// <inheritdoc />
    public IColormap Colormap { get; set; } = colormap;

    /// <inheritdoc />
    public ScottPlot.Range GetRange() => new(min, max);

    /// <summary>The colour of <paramref name="value"/>.</summary>
    public Color Of(double value) => Colormap.GetColor(max > min ? (value - min) / (max - min) : 0.5);
}
