using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StampSim.Reports.Folder;
using StampSim.Reports.Html;
using StampSim.Reports.Writers;
using StampSim.Tests.Support;

namespace StampSim.Tests.Html;

/// <summary>report.html without a browser: self-contained, hashed in the manifest, and built from the same tables as report.md.</summary>
[Collection(nameof(BundledRun))]
public class ReportHtmlTests(BundledRun run)
{
    private string Page => File.ReadAllText(Path.Combine(run.Folder, ReportFiles.Html));

    [Fact]
    public void Page_is_self_contained()
    {
        string html = Page;
        Assert.StartsWith("<!DOCTYPE html>", html);
        // Nothing is fetched: no external script, stylesheet, image or font (only in-page and data: references;
        // SVG namespaces are names, not fetches).
        Assert.DoesNotMatch(new Regex(@"\b(src|href)\s*=\s*""(?!#|data:)", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"@import|url\((?!#)", RegexOptions.IgnoreCase), html);
        Assert.Single(Regex.Matches(html, "<script>"));
        Assert.Contains("default-src 'none'", html);
        // Every plot inline, once per figure, with ids that stay unique on the page.
        Assert.Equal(run.Result.Configs.Count * 6 + 1, Regex.Matches(html, "<svg viewBox=\"0 0 \\d+ \\d+\" class=\"plot\"").Count);
        var ids = Regex.Matches(html, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Page_has_the_tables_of_report_md_and_the_energy_sources_collapsed()
    {
        string html = Page;
        var label = run.Result.Configs[0].Label;
        Assert.Contains(SortableTable.Html(SummaryTable.PerLayer(run.Result, label), footRows: 1), html);
        Assert.Contains(SortableTable.Html(SummaryTable.Totals(run.Result.Totals[0])), html);
        var energy = EnergyTableText.Of(run.Result.Configs[0].Accelerator.Energy);
        Assert.Matches(new Regex("<details><summary>Energy table[^<]*</summary>\n" + Regex.Escape(SortableTable.Html(energy))), html);
        Assert.Contains("<tfoot>", html);
        Assert.Contains("table class=\"sortable\"", html);
    }

    [Fact]
    public void Manifest_hashes_report_html()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Folder, ReportFiles.ManifestJson)))!;
        var entry = manifest["files"]!.AsArray().Single(f => f!["path"]!.GetValue<string>() == ReportFiles.Html)!;
        Assert.Equal(Reports.Provenance.Sha256.OfFile(Path.Combine(run.Folder, ReportFiles.Html)), entry["sha256"]!.GetValue<string>());
    }

    [Fact]
    public void Pareto_chart_points_carry_their_design_and_metrics()
    {
        ChartPoint Point(string id, double x, double y, bool optimal) =>
            new(id, x, y, x, optimal, $"Design point {id}", [new("mac_array.rows", id), new("note", "a \"quoted\" <value>")], [new("energy (uJ)", y.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        string html = ParetoChart.Html([Point("0", 1, 10, false), Point("1", 100, 2, true)], "latency (us)", "energy (uJ)", "SQNR");
        var circles = Regex.Matches(html, "<circle cx=\"([\\d.]+)\" cy=\"([\\d.]+)\"[^>]*data-id=\"(\\d)\" data-point=\"([^\"]*)\"");
        Assert.Equal(2, circles.Count);
        // The optimal point is drawn last (on top); longer latency is further right, higher energy higher up.
        Assert.Equal(["0", "1"], circles.Select(m => m.Groups[3].Value));
        Assert.True(double.Parse(circles[1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > double.Parse(circles[0].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(double.Parse(circles[1].Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) > double.Parse(circles[0].Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        var data = JsonNode.Parse(System.Net.WebUtility.HtmlDecode(circles[1].Groups[4].Value))!;
        Assert.Equal("Design point 1", data["title"]!.GetValue<string>());
        Assert.Equal("a \"quoted\" <value>", data["design"]![1]![1]!.GetValue<string>());
        Assert.Contains("class=\"optimal\"", circles[1].Value);
    }
}
