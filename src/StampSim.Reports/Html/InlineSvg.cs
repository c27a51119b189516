using System.Text.RegularExpressions;

namespace StampSim.Reports.Html;

/// <summary>
/// A plot's SVG file made fit to sit inside report.html: without its XML declaration, scaled to the
/// page width, and with its element ids prefixed, because every ScottPlot SVG numbers its clip paths
/// from the same start and two figures on one page would otherwise clip each other.
/// </summary>
public static partial class InlineSvg
{
    /// <summary>The markup of <paramref name="svgPath"/>, its ids prefixed with <paramref name="scope"/>.</summary>
    public static string Of(string svgPath, string scope)
    {
        string svg = File.ReadAllText(svgPath);
        svg = Declaration().Replace(svg, "");
        svg = Id().Replace(svg, m => $"id=\"{scope}-{m.Groups[1].Value}\"");
        svg = Reference().Replace(svg, m => $"{m.Groups[1].Value}#{scope}-{m.Groups[2].Value}");
        // A viewBox from the fixed size lets CSS scale the figure to the page.
        return Root().Replace(svg, m => $"<svg viewBox=\"0 0 {m.Groups[2].Value} {m.Groups[3].Value}\" class=\"plot\"{m.Groups[1].Value}", 1);
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>\s*")]
    private static partial Regex Declaration();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex Id();

    [GeneratedRegex("(url\\(|href=\")#([^)\"]+)")]
    private static partial Regex Reference();

    [GeneratedRegex("<svg((?:\\s+xmlns(?::\\w+)?=\"[^\"]*\")*)\\s+width=\"([\\d.]+)\"\\s+height=\"([\\d.]+)\"")]
    private static partial Regex Root();
}
