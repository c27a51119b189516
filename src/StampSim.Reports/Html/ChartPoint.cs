namespace StampSim.Reports.Html;

/// <summary>A design point on an interactive <see cref="ParetoChart"/>.</summary>
/// <param name="Id">Identifies the point on the page (<c>data-id</c>), e.g. its sweep index.</param>
/// <param name="X">Horizontal value (positive; the axis is logarithmic).</param>
/// <param name="Y">Vertical value (positive; the axis is logarithmic).</param>
/// <param name="Shade">Value that colours the point (e.g. SQNR).</param>
/// <param name="Optimal">Whether the point is Pareto-optimal (drawn ringed, on top).</param>
/// <param name="Title">Heading of the panel that shows the point.</param>
/// <param name="Design">What the design is: every swept key and its value.</param>
/// <param name="Metrics">What it achieves.</param>
public sealed record ChartPoint(string Id, double X, double Y, double Shade, bool Optimal, string Title,
    IReadOnlyList<KeyValuePair<string, string>> Design, IReadOnlyList<KeyValuePair<string, string>> Metrics);
