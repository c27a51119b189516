using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StampSim.Reports.Html;

/// <summary>
/// An interactive log-log scatter of design points, drawn as SVG with a panel beside it: hovering a
/// point shows its design and metrics, clicking pins it (report.js). Points are coloured by their
/// shade value (viridis, dark to yellow) and the Pareto-optimal ones are ringed.
/// </summary>
public static class ParetoChart
{
    private const double Width = 860, Height = 560, Left = 84, Right = 24, Top = 20, Bottom = 64;

    // Viridis at five stops; shades in between are interpolated.
    private static readonly (int R, int G, int B)[] Viridis = [(0x44, 0x01, 0x54), (0x3b, 0x52, 0x8b), (0x21, 0x91, 0x8c), (0x5e, 0xc9, 0x62), (0xfd, 0xe7, 0x25)];

    /// <summary>The chart and its panel; <paramref name="points"/> need positive, finite X and Y.</summary>
    public static string Html(IReadOnlyList<ChartPoint> points, string xLabel, string yLabel, string shadeLabel)
    {
        var xs = Scale.Of(points.Select(p => p.X), Left, Width - Right);
        var ys = Scale.Of(points.Select(p => p.Y), Height - Bottom, Top);
        var shades = points.Select(p => p.Shade).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        double lo = shades.Min(), hi = shades.Max();
        var sb = new StringBuilder("<div class=\"pareto\">\n");
        sb.Append(Inv($"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{HtmlText.Escape(yLabel)} against {HtmlText.Escape(xLabel)}\">\n"));
        Axis(sb, xs, ys, xLabel, yLabel);
        // Optimal points last, so they are on top and easy to hover.
        foreach (var p in points.OrderBy(p => p.Optimal))
        {
            double t = hi > lo ? (Math.Clamp(double.IsNaN(p.Shade) ? lo : p.Shade, lo, hi) - lo) / (hi - lo) : 1;
            sb.Append(Inv($"<circle cx=\"{xs.At(p.X):0.##}\" cy=\"{ys.At(p.Y):0.##}\" r=\"{(p.Optimal ? 7 : 5)}\" fill=\"{Color(t)}\""))
              .Append(p.Optimal ? " class=\"optimal\"" : "")
              .Append($" data-id=\"{HtmlText.Escape(p.Id)}\" data-point=\"{HtmlText.Escape(Json(p))}\"><title>{HtmlText.Escape(p.Title)}</title></circle>\n");
        }
        sb.Append("</svg>\n<div class=\"point-info\"><p>Hover over a point to see its design point and metrics; click to keep it.</p></div>\n</div>\n");
        sb.Append(Inv($"<p>Colour: {HtmlText.Escape(shadeLabel)} from {lo:0.##} (dark violet) to {hi:0.##} (yellow); ringed points are Pareto-optimal.</p>\n"));
        return sb.ToString();
    }

    private static void Axis(StringBuilder sb, Scale xs, Scale ys, string xLabel, string yLabel)
    {
        sb.Append("<g class=\"axis\">\n");
        sb.Append(Inv($"<path d=\"M{Left} {Top}V{Height - Bottom}H{Width - Right}\" fill=\"none\"/>\n"));
        foreach (double v in xs.Ticks())
            sb.Append(Inv($"<line x1=\"{xs.At(v):0.##}\" x2=\"{xs.At(v):0.##}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom + 6}\"/><text x=\"{xs.At(v):0.##}\" y=\"{Height - Bottom + 20}\" text-anchor=\"middle\">{v:G4}</text>\n"));
        foreach (double v in ys.Ticks())
            sb.Append(Inv($"<line x1=\"{Left - 6}\" x2=\"{Left}\" y1=\"{ys.At(v):0.##}\" y2=\"{ys.At(v):0.##}\"/><text x=\"{Left - 9}\" y=\"{ys.At(v) + 4:0.##}\" text-anchor=\"end\">{v:G4}</text>\n"));
        sb.Append(Inv($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 18}\" text-anchor=\"middle\">{HtmlText.Escape(xLabel)}</text>\n"));
        sb.Append(Inv($"<text transform=\"translate(18 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{HtmlText.Escape(yLabel)}</text>\n"));
        sb.Append("</g>\n");
    }

    private static string Json(ChartPoint p)
    {
        static JsonArray Pairs(IReadOnlyList<KeyValuePair<string, string>> fields) =>
            new(fields.Select(f => (JsonNode)new JsonArray(f.Key, f.Value)).ToArray());
        return new JsonObject { ["title"] = p.Title, ["design"] = Pairs(p.Design), ["metrics"] = Pairs(p.Metrics) }.ToJsonString();
    }

    private static string Color(double t)
    {
        double s = t * (Viridis.Length - 1);
        int i = Math.Min((int)s, Viridis.Length - 2);
        double f = s - i;
        int Mix(int a, int b) => (int)Math.Round(a + (b - a) * f);
        var (a, b) = (Viridis[i], Viridis[i + 1]);
        return $"#{Mix(a.R, b.R):x2}{Mix(a.G, b.G):x2}{Mix(a.B, b.B):x2}";
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>A logarithmic axis from data values to pixels, padded by a tenth of a decade.</summary>
    private sealed record Scale(double Log0, double Log1, double Pixel0, double Pixel1)
    {
        public static Scale Of(IEnumerable<double> values, double pixel0, double pixel1)
        {
            var logs = values.Where(v => v > 0 && double.IsFinite(v)).Select(Math.Log10).DefaultIfEmpty(0).ToArray();
            return new Scale(logs.Min() - 0.1, logs.Max() + 0.1, pixel0, pixel1);
        }

        public double At(double v) => Pixel0 + (Math.Log10(v) - Log0) / (Log1 - Log0) * (Pixel1 - Pixel0);

        // 1, 2 and 5 times the powers of ten inside the range: only the powers when that gives too
        // many (a wide range), every multiple when too few (a range within one decade).
        public IEnumerable<double> Ticks()
        {
            var ticks = Multiples([1, 2, 5]);
            return ticks.Count > 10 ? Multiples([1]) : ticks.Count < 3 ? Multiples([1, 2, 3, 4, 5, 6, 7, 8, 9]) : ticks;
        }

        private List<double> Multiples(int[] multiples) =>
            Enumerable.Range((int)Math.Floor(Log0), (int)Math.Ceiling(Log1) - (int)Math.Floor(Log0) + 1)
                .SelectMany(e => multiples.Select(m => m * Math.Pow(10, e))).Where(Inside).ToList();

        private bool Inside(double v) => Math.Log10(v) >= Log0 && Math.Log10(v) <= Log1;
    }
}
