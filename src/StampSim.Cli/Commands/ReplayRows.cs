using StampSim.Evaluation;
using StampSim.Reports.Writers;
using StampSim.Traces;

namespace StampSim.Cli.Commands;

/// <summary>The per-layer table <c>stampsim replay</c> prints, as fixed-width lines.</summary>
internal static class ReplayRows
{
    public static readonly string[] Headers = ["layer", "kind", "s", "d", "n", "transform", "sqnr_db", "act_sqnr_db", "payload_bits", "overflow", "seconds"];

    public static string[] Cells(LayerRecord r) =>
    [
        r.Subject.Name, r.Subject.Kind ?? "", r.Shape.Tokens.ToString(), r.Shape.Features.ToString(), r.Shape.Outputs.ToString(), r.Stamp.Transform,
        Display.Db(r.Stamp.Metrics.SqnrDb), Display.Db(r.Stamp.Metrics.ActSqnrDb), Display.Fixed(r.Stamp.Metrics.PayloadBits, 4),
        r.Stamp.Metrics.OverflowEvents.ToString(), Display.Fixed(r.Timing.Total, 2),
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
}
