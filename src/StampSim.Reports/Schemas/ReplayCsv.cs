using System.Text;
using StampSim.Evaluation;
using StampSim.Reports.Writers;

namespace StampSim.Reports.Schemas;

/// <summary>The table of <c>stampsim replay --csv</c>: one row per replayed layer, STaMP's metrics and the wall time.</summary>
public static class ReplayCsv
{
    /// <summary>The column names, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["layer", "kind", "block", "s", "d", "n", "transform", "sqnr_db", "act_sqnr_db", "payload_bits", "bits_with_metadata",
         "overflow_events", "theorem1_bound", "act_error_sq", "seconds"];

    /// <summary>The whole file.</summary>
    public static string Build(IEnumerable<LayerRecord> records)
    {
        var sb = new StringBuilder(CsvText.Line(Columns));
        foreach (var r in records)
        {
            var m = r.Stamp.Metrics;
            string[] cells =
            [
                r.Subject.Name, r.Subject.Kind ?? "", r.Subject.Block?.ToString() ?? "", r.Shape.Tokens.ToString(), r.Shape.Features.ToString(),
                r.Shape.Outputs.ToString(), r.Stamp.Transform, CsvText.Number(m.SqnrDb), CsvText.Number(m.ActSqnrDb), CsvText.Number(m.PayloadBits),
                CsvText.Number(m.BitsWithMetadata), m.OverflowEvents.ToString(), CsvText.Number(m.Theorem1Bound),
                CsvText.Number(m.ActErrorSq), CsvText.Number(r.Timing.Total),
            ];
            sb.Append(CsvText.Line(cells));
        }
        return sb.ToString();
    }
}
