namespace StampSim.Reports.Writers;

/// <summary>A table as text cells, for the console and for Markdown.</summary>
/// <param name="Headers">Column headers.</param>
/// <param name="RightAligned">Which columns hold numbers (right-aligned).</param>
/// <param name="Rows">Rows of cells, one per header.</param>
public sealed record TextTableData(IReadOnlyList<string> Headers, IReadOnlyList<bool> RightAligned, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Fixed-width lines: columns padded to their widest cell, two spaces apart.</summary>
    public IEnumerable<string> PlainLines(string indent = "")
    {
        var widths = Headers.Select((h, i) => Rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(IReadOnlyList<string> cells) =>
            (indent + string.Join("  ", cells.Select((c, i) => RightAligned[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i])))).TrimEnd();
        yield return Line(Headers);
        foreach (var r in Rows) yield return Line(r);
    }

    /// <summary>A GitHub-flavoured Markdown table.</summary>
    public string Markdown()
    {
        static string Cell(string c) => c.Replace("|", "\\|");
        var sb = new System.Text.StringBuilder();
        sb.Append("| ").Append(string.Join(" | ", Headers.Select(Cell))).Append(" |\n");
        sb.Append('|').Append(string.Join('|', RightAligned.Select(r => r ? " ---: " : " --- "))).Append("|\n");
        foreach (var row in Rows) sb.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        return sb.ToString();
    }
}
