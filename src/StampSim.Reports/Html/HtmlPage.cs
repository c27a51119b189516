using System.Text;
using StampSim.Reports.Plots;
using StampSim.Reports.Writers;

namespace StampSim.Reports.Html;

/// <summary>
/// A self-contained report page, built section by section: the stylesheet, the script and every plot
/// are inlined, so report.html opens from disk with no network access. Text is escaped; only
/// <see cref="Markup"/> takes ready-made HTML. The run, sweep and model reports compose their pages from it.
/// </summary>
public sealed class HtmlPage
{
    private readonly StringBuilder _body = new();
    private int _figures;

    /// <summary>A page with <paramref name="title"/> as its title and first heading.</summary>
    public HtmlPage(string title)
    {
        Title = title;
        Heading(1, title);
    }

    /// <summary>The page title.</summary>
    public string Title { get; }

    /// <summary>A heading (<c>h1</c> to <c>h4</c>).</summary>
    public HtmlPage Heading(int level, string text) => Markup($"<h{level}>{HtmlText.Escape(text)}</h{level}>\n");

    /// <summary>A paragraph of text.</summary>
    public HtmlPage Paragraph(string text) => Markup($"<p>{HtmlText.Escape(text)}</p>\n");

    /// <summary>Preformatted text (a command line).</summary>
    public HtmlPage Code(string text) => Markup($"<pre><code>{HtmlText.Escape(text)}</code></pre>\n");

    /// <summary>A bulleted list of text items.</summary>
    public HtmlPage List(IEnumerable<string> items) =>
        Markup("<ul>\n" + string.Concat(items.Select(i => $"<li>{HtmlText.Escape(i)}</li>\n")) + "</ul>\n");

    /// <summary>A sortable table (<see cref="SortableTable"/>).</summary>
    public HtmlPage Table(TextTableData table, int footRows = 0) => Markup(SortableTable.Html(table, footRows));

    /// <summary>A collapsible section, closed at first, holding what <paramref name="content"/> adds.</summary>
    public HtmlPage Details(string summary, Action<HtmlPage> content)
    {
        Markup($"<details><summary>{HtmlText.Escape(summary)}</summary>\n");
        content(this);
        return Markup("</details>\n");
    }

    /// <summary>A plot of the report folder <paramref name="folder"/>: its SVG inline, with title and caption.</summary>
    public HtmlPage Plot(string folder, PlotFile plot, int headingLevel = 3)
    {
        Heading(headingLevel, plot.Title);
        string svg = InlineSvg.Of(Path.Combine(folder, plot.Svg), $"fig{_figures++}");
        return Markup($"<figure>\n{svg}\n<figcaption>{HtmlText.Escape(plot.Caption)}</figcaption>\n</figure>\n");
    }

    /// <summary>Ready-made HTML (from <see cref="SortableTable"/>, <see cref="ParetoChart"/> or another builder of this namespace).</summary>
    public HtmlPage Markup(string html)
    {
        _body.Append(html);
        return this;
    }

    /// <summary>The whole document.</summary>
    public string Render() =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
        // Nothing may load from elsewhere: the page is one file, opened from disk.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n" +
        $"<title>{HtmlText.Escape(Title)}</title>\n<style>\n{HtmlAssets.Css}</style>\n</head>\n<body>\n{_body}<script>\n{HtmlAssets.Script}</script>\n</body>\n</html>\n";
}
