namespace StampSim.Cli.Commands;

/// <summary>A plain-text table: columns padded to their widest cell; numeric columns right-aligned.</summary>
internal sealed class TextTable
{
    private readonly (string Header, bool Right)[] _columns;
    private readonly List<string[]> _rows = [];

    /// <param name="columns">Headers; a header starting with '&gt;' marks a right-aligned column (the '&gt;' is not printed).</param>
    public TextTable(params string[] columns) =>
        _columns = columns.Select(c => c.StartsWith('>') ? (c[1..], true) : (c, false)).ToArray();

    public void Add(params string[] cells)
    {
        if (cells.Length != _columns.Length) throw new ArgumentException($"expected {_columns.Length} cells, got {cells.Length}");
        _rows.Add(cells);
    }

    public void Write(TextWriter o, string indent = "  ")
    {
        var widths = _columns.Select((c, i) => _rows.Select(r => r[i].Length).Append(c.Header.Length).Max()).ToArray();
        o.WriteLine(Line(indent, _columns.Select(c => c.Header).ToArray(), widths));
        foreach (var r in _rows) o.WriteLine(Line(indent, r, widths));
    }

    private string Line(string indent, string[] cells, int[] widths) =>
        (indent + string.Join("  ", cells.Select((c, i) => _columns[i].Right ? c.PadLeft(widths[i]) : c.PadRight(widths[i])))).TrimEnd();
}
