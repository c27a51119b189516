using System.Globalization;

namespace StampSim.Reports.Writers;

/// <summary>CSV fields: RFC 4180 quoting, round-trip numbers, non-finite values as <c>inf</c>, <c>-inf</c>, <c>nan</c> (pandas reads all three).</summary>
public static class CsvText
{
    /// <summary>A text field, quoted when it holds a comma, quote or line break.</summary>
    public static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";

    /// <summary>A number in round-trip form.</summary>
    public static string Number(double v) =>
        double.IsNaN(v) ? "nan" : double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf") : v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>One line of fields (already formatted), quoted as needed, ending in a newline.</summary>
    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Field)) + "\n";
}
