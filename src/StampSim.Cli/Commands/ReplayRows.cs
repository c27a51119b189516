using System.Text;
using StampSim.Reports.Writers;
using StampSim.Traces;

namespace StampSim.Cli.Commands;

/// <summary>The per-layer table of <c>stampsim replay</c>, as fixed-width lines and as CSV.</summary>
internal static class ReplayRows
{
    public static readonly string[] Headers = ["layer", "kind", "s", "d", "n", "transform", "sqnr_db", "act_sqnr_db", "payload_bits", "overflow", "seconds"];

    private static readonly string[] CsvHeaders =
        ["layer", "kind", "block", "s", "d", "n", "transform", "sqnr_db", "act_sqnr_db", "payload_bits", "bits_with_metadata",
         "overflow_events", "theorem1_bound", "act_error_sq", "seconds"];

    public static string[] Cells(ReplayedLayer r) =>
    [
        r.Layer.Name, r.Layer.Kind, r.Tokens.ToString(), r.Features.ToString(), r.Outputs.ToString(), r.Transform,
        Formatting.Db(r.Metrics.SqnrDb), Formatting.Db(r.Metrics.ActSqnrDb), Formatting.Fixed(r.Metrics.PayloadBits, 4),
        r.Metrics.OverflowEvents.ToString(), Formatting.Fixed(r.Seconds, 2),
    ];

    /// <summary>Column widths fixed up front so rows can be printed as they complete.</summary>
    public static int[] Widths(IReadOnlyList<TraceLayer> layers, IReadOnlyList<string> transforms)
    {
        int name = Math.Max(Headers[0].Length, layers.Max(l => l.Name.Length));
        int kind = Math.Max(Headers[1].Length, layers.Max(l => l.Kind.Length));
        int transform = Math.Max(Headers[5].Length, transforms.Max(t => t.Length));
        return [name, kind, 6, 6, 6, transform, 8, 11, 12, 9, 8];
    }

    /// <summary>A fixed-width line: text columns left-aligned, numbers right-aligned.</summary>
    public static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i is 0 or 1 or 5 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();

    public static string Csv(IEnumerable<ReplayedLayer> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', CsvHeaders)).Append('\n');
        foreach (var r in rows)
        {
            var m = r.Metrics;
            string[] cells =
            [
                r.Layer.Name, r.Layer.Kind, r.Layer.Block?.ToString() ?? "", r.Tokens.ToString(), r.Features.ToString(), r.Outputs.ToString(),
                r.Transform, CsvText.Number(m.SqnrDb), CsvText.Number(m.ActSqnrDb), CsvText.Number(m.PayloadBits),
                CsvText.Number(m.BitsWithMetadata), m.OverflowEvents.ToString(), CsvText.Number(m.Theorem1Bound),
                CsvText.Number(m.ActErrorSq), CsvText.Number(r.Seconds),
            ];
            sb.Append(CsvText.Line(cells));
        }
        return sb.ToString();
    }
}
