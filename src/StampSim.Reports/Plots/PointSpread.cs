namespace StampSim.Reports.Plots;

/// <summary>
/// Spreads markers that would hide each other: points that fall in the same cell of half a marker
/// (identical results, or nearly) are laid out on a small sunflower spiral around their mean, one marker
/// apart, so every point (and its colour) stays visible. Points alone in their cell keep their position.
/// </summary>
internal static class PointSpread
{
    // Radius step of the spiral in marker sizes: neighbours end up about one marker apart.
    private const double Step = 0.6;
    private static readonly double GoldenAngle = Math.PI * (3 - Math.Sqrt(5));

    /// <summary>
    /// The drawn positions of points (<paramref name="xs"/>, <paramref name="ys"/>) for markers of
    /// <paramref name="sizeX"/> by <paramref name="sizeY"/> plot units, and how many points share each one's cell.
    /// </summary>
    public static (double X, double Y, int Group)[] Spread(IReadOnlyList<double> xs, IReadOnlyList<double> ys, double sizeX, double sizeY)
    {
        var result = new (double X, double Y, int Group)[xs.Count];
        var cells = Enumerable.Range(0, xs.Count).GroupBy(i => (Math.Round(2 * xs[i] / sizeX), Math.Round(2 * ys[i] / sizeY)));
        foreach (var cell in cells)
        {
            var members = cell.ToList(); // input order: the layout does not depend on anything else
            double cx = members.Average(i => xs[i]), cy = members.Average(i => ys[i]);
            for (int k = 0; k < members.Count; k++)
            {
                int i = members[k];
                if (members.Count == 1)
                {
                    result[i] = (xs[i], ys[i], 1);
                    continue;
                }
                double r = Step * Math.Sqrt(k + 0.5), angle = k * GoldenAngle;
                result[i] = (cx + r * Math.Cos(angle) * sizeX, cy + r * Math.Sin(angle) * sizeY, members.Count);
            }
        }
        return result;
    }
}
