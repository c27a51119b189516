using System.Globalization;
using System.Text;
using StampSim.Hardware;
using StampSim.Sweeps;

namespace StampSim.Reports.Sweeps;

/// <summary>
/// <c>points.csv</c>: one row per point (every swept key, the totals, feasibility with the reason).
/// Rows are appended one whole line per write and flushed, so a killed sweep loses only the points
/// in flight; a torn last line is cut off when the sweep resumes. A finished file is rewritten in
/// index order (<see cref="Write"/>), so every complete sweep of one spec holds the same bytes
/// however its points were scheduled.
/// </summary>
public static class PointsCsv
{
    /// <summary>Result columns after the swept keys.</summary>
    public static readonly IReadOnlyList<string> ResultColumns =
        ["feasible", "reason", "cycles", "seconds", "dram_bytes", "energy_pj", "fj_per_mac", "sqnr_db", "act_sqnr_db", "payload_bits", "bits_with_metadata"];

    /// <summary>
    /// Result columns of a model sweep: STaMP's whole-model figures (decode energy per generated token, prefill energy per prompt
    /// token), the bound of each phase, the trace's SQNR (nan without a trace), and STaMP over A4 and A8 on the same hardware.
    /// </summary>
    public static readonly IReadOnlyList<string> ModelResultColumns =
        ["feasible", "reason", "ttft_s", "tpot_s", "tokens_per_s", "prefill_energy_per_token_j", "decode_energy_per_token_j", "energy_j", "dram_bytes",
         "prefill_bound", "decode_bound", "sqnr_db", "ttft_vs_a4", "ttft_vs_a8", "decode_energy_vs_a4", "decode_energy_vs_a8"];

    /// <summary>The header row for <paramref name="spec"/>.</summary>
    public static string Header(SweepSpec spec) =>
        string.Join(',', (spec.Model is null ? new[] { "index", "config", "trace" } : ["index", "config", "model", "trace"])
            .Concat(spec.Axes.Select(a => a.Key)).Concat(spec.Model is null ? ResultColumns : ModelResultColumns).Select(Escape)) + "\n";

    /// <summary>One row of a model sweep.</summary>
    public static string Row(SweepSpec spec, SweepPoint point, ModelPointResult r)
    {
        var cells = new List<string>
        {
            point.Index.ToString(CultureInfo.InvariantCulture),
            Path.GetFileName(spec.Configs[point.ConfigIndex]),
            spec.Model!.Arch,
            spec.Traces.Count > 0 ? Path.GetFileName(spec.Traces[point.TraceIndex]) : "",
        };
        cells.AddRange(point.Values);
        cells.Add(r.Feasible ? "true" : "false");
        cells.Add(r.Reason ?? "");
        if (r.Error is not null)
        {
            cells.AddRange(ModelResultColumns.Skip(2).Select(c => c.EndsWith("_bound", StringComparison.Ordinal) ? "" : "nan"));
            return string.Join(',', cells.Select(Escape)) + "\n";
        }
        var (stamp, a4, a8) = (r.Of(Variant.Stamp), r.Of(Variant.A4), r.Of(Variant.A8));
        foreach (var v in new[] { stamp.TtftSeconds, stamp.TpotSeconds, stamp.TokensPerSecond, stamp.PrefillEnergyPerTokenJ, stamp.DecodeEnergyPerTokenJ, stamp.EnergyJ, stamp.DramBytes })
            cells.Add(Number(v ?? double.NaN));
        cells.Add(stamp.Infeasible is null ? stamp.Prefill.Bound : "");
        cells.Add(stamp.Infeasible is null ? stamp.Decode?.Bound ?? "" : "");
        cells.Add(Number(r.SqnrDb));
        cells.Add(Number(Ratio(stamp.TtftSeconds, a4.TtftSeconds)));
        cells.Add(Number(Ratio(stamp.TtftSeconds, a8.TtftSeconds)));
        cells.Add(Number(Ratio(stamp.DecodeEnergyPerTokenJ, a4.DecodeEnergyPerTokenJ)));
        cells.Add(Number(Ratio(stamp.DecodeEnergyPerTokenJ, a8.DecodeEnergyPerTokenJ)));
        return string.Join(',', cells.Select(Escape)) + "\n";
    }

    private static double Ratio(double? stamp, double? baseline) => stamp is double s && baseline is double b ? s / b : double.NaN;

    /// <summary>One row.</summary>
    public static string Row(SweepSpec spec, SweepPoint point, PointResult r)
    {
        var cells = new List<string>
        {
            point.Index.ToString(CultureInfo.InvariantCulture),
            Path.GetFileName(spec.Configs[point.ConfigIndex]),
            Path.GetFileName(spec.Traces[point.TraceIndex]),
        };
        cells.AddRange(point.Values);
        cells.Add(r.Feasible ? "true" : "false");
        cells.Add(r.Reason ?? "");
        cells.Add(r.Cycles.ToString(CultureInfo.InvariantCulture));
        foreach (var v in new[] { r.Seconds, r.DramBytes, r.EnergyPj, r.FjPerMac, r.SqnrDb, r.ActSqnrDb, r.PayloadBits, r.BitsWithMetadata })
            cells.Add(Number(v));
        return string.Join(',', cells.Select(Escape)) + "\n";
    }

    /// <summary>Round-trip formatting; non-finite values as <c>inf</c>, <c>-inf</c>, <c>nan</c>.</summary>
    public static string Number(double v) =>
        double.IsNaN(v) ? "nan" : double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf" : v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses a number written by <see cref="Number"/>.</summary>
    public static double ParseNumber(string text) => text switch
    {
        "nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    /// <summary>Reads the rows of a points file: header, then rows keyed by index (a torn last line is ignored).</summary>
    /// <exception cref="InputException">The header does not match <paramref name="expectedHeader"/> or a row is malformed.</exception>
    public static SortedDictionary<long, string[]> Read(string path, string expectedHeader)
    {
        var rows = new SortedDictionary<long, string[]>();
        string text = Io.StrictText.ReadFile(path);
        int complete = text.LastIndexOf('\n') + 1;
        var lines = text[..complete].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) return rows;
        if (lines[0] + "\n" != expectedHeader)
            throw new InputException($"{path}: header does not match the sweep spec (columns changed); rerun with --force to start over");
        for (int i = 1; i < lines.Length; i++)
        {
            var cells = Split(lines[i]);
            if (cells.Length != Split(lines[0]).Length || !long.TryParse(cells[0], CultureInfo.InvariantCulture, out long index))
                throw new InputException($"{path}:{i + 1}: malformed row");
            rows[index] = cells;
        }
        return rows;
    }

    /// <summary>Writes <paramref name="rows"/> under <paramref name="header"/> in index order (the canonical form), atomically.</summary>
    public static void Write(string path, string header, IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder(header);
        foreach (var row in rows.OrderBy(r => long.Parse(r[0], CultureInfo.InvariantCulture))) sb.Append(string.Join(',', row.Select(Escape))).Append('\n');
        Io.AtomicFile.WriteAllText(path, sb.ToString());
    }

    /// <summary>Cuts a torn last line (from a killed sweep) so appends start on a fresh line.</summary>
    public static void TrimTornLine(string path)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        long length = f.Length;
        long keep = length;
        var one = new byte[1];
        while (keep > 0)
        {
            f.Position = keep - 1;
            f.ReadExactly(one);
            if (one[0] == (byte)'\n') break;
            keep--;
        }
        if (keep != length) f.SetLength(keep);
    }

    /// <summary>Splits one CSV line (fields may be quoted with doubled quotes inside).</summary>
    public static string[] Split(string line)
    {
        var cells = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        cells.Add(sb.ToString());
        return cells.ToArray();
    }

    /// <summary>Quotes a field when it holds a comma, quote or newline.</summary>
    public static string Escape(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"").Replace('\n', ' ').Replace('\r', ' ') + "\"";
}
