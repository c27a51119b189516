using System.Text;
using StampSim.Reports.Writers;

namespace StampSim.Reports.Html;

/// <summary>A <see cref="TextTableData"/> as an HTML table whose rows sort by clicking a column header (report.js).</summary>
public static class SortableTable
{
    /// <summary>The table; its last <paramref name="footRows"/> rows (totals) go to a footer that sorting leaves in place.</summary>
    public static string Html(TextTableData table, int footRows = 0)
    {
        var sb = new StringBuilder("<table class=\"sortable\">\n<thead><tr>");
        for (int i = 0; i < table.Headers.Count; i++)
            sb.Append(Cell("th", table.Headers[i], table.RightAligned[i]));
        sb.Append("</tr></thead>\n<tbody>\n");
        int body = table.Rows.Count - footRows;
        for (int r = 0; r < table.Rows.Count; r++)
        {
            if (r == body) sb.Append("</tbody>\n<tfoot>\n");
            sb.Append("<tr>");
            for (int i = 0; i < table.Headers.Count; i++) sb.Append(Cell("td", table.Rows[r][i], table.RightAligned[i]));
            sb.Append("</tr>\n");
        }
        sb.Append(footRows > 0 ? "</tfoot>\n" : "</tbody>\n").Append("</table>\n");
        return sb.ToString();
    }

    private static string Cell(string tag, string text, bool number) =>
        $"<{tag}{(number ? " class=\"num\"" : "")}>{HtmlText.Escape(text)}</{tag}>";
}
