using System.CommandLine;
using StampSim.Reports.Compare;
using StampSim.Reports.Folder;
using StampSim.Reports.Writers;

namespace StampSim.Cli.Commands;

/// <summary><c>stampsim compare A B</c>: what changed between two report folders (configs, hashes, totals, per-layer figures), or between two model reports (their headline figures).</summary>
internal static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var first = new Argument<string>("REPORT_A") { Description = "A report folder written by 'stampsim run' or 'stampsim model'" };
        var second = new Argument<string>("REPORT_B") { Description = "Another report folder" };
        var cmd = new Command("compare", "Show what changed between two 'stampsim run' reports (configs, hashes, totals and per-layer figures) or two 'stampsim model' reports (TTFT, TPOT, energy, DRAM).") { first, second };
        cmd.SetAction(p =>
        {
            var a = ReportSnapshot.Load(p.GetValue(first)!);
            var b = ReportSnapshot.Load(p.GetValue(second)!);
            // The manifest vouches only that result.json is unchanged since the manifest was written; a file
            // edited and re-hashed by hand can hold any JSON, so a shape the comparison cannot read is bad input.
            var text = new StringWriter();
            try
            {
                if (a.IsModel || b.IsModel) Print(text, ModelComparison.Of(a, b));
                else Print(text, ReportComparison.Of(a, b));
            }
            catch (Exception e) when (e is InvalidOperationException or NullReferenceException or FormatException or KeyNotFoundException or InvalidCastException or ArgumentException or OverflowException)
            {
                throw new InputException($"{a.Folder} / {b.Folder}: {ReportFiles.ResultJson} does not follow the StampSim report schema ({e.Message.ReplaceLineEndings(" ")})", e);
            }
            console.Out.Write(text.ToString());
            return 0;
        });
        return cmd;
    }

    private static void Print(TextWriter o, ReportComparison c)
    {
        o.WriteLine($"A  {c.A.Description}");
        o.WriteLine($"B  {c.B.Description}");
        var (ta, tb) = c.TraceSha256;
        o.WriteLine(ta == tb
            ? $"trace: same ({c.TraceName.A}, sha256 {Short(ta)})"
            : $"trace: changed: {c.TraceName.A} (sha256 {Short(ta)}) -> {c.TraceName.B} (sha256 {Short(tb)})");
        foreach (var label in c.ConfigsOnlyInA) o.WriteLine($"config {label}: only in A");
        foreach (var label in c.ConfigsOnlyInB) o.WriteLine($"config {label}: only in B");
        foreach (var config in c.Configs) Print(o, config);
    }

    private static void Print(TextWriter o, ModelComparison c)
    {
        o.WriteLine($"A  {c.A.Description}");
        o.WriteLine($"B  {c.B.Description}");
        o.WriteLine(c.Model.A == c.Model.B ? $"model: same ({c.Model.A})" : $"model: changed: {c.Model.A} -> {c.Model.B}");
        foreach (var label in c.ConfigsOnlyInA) o.WriteLine($"config {label}: only in A");
        foreach (var label in c.ConfigsOnlyInB) o.WriteLine($"config {label}: only in B");
        static string Figure(double? v) => v is double x ? Number(x) : "-";
        var rows = c.Rows.Select(r => (IReadOnlyList<string>)[r.Config, r.Variant, r.Figure, Figure(r.Before), Figure(r.After),
            r.Before is double x && r.After is double y ? Display.Fixed(new MetricDelta(r.Figure, x, y).Ratio, 4) : "-"]).ToList();
        foreach (var line in new TextTableData(["config", "variant", "figure", "A", "B", "B / A"], [false, false, false, true, true, true], rows).PlainLines("  "))
            o.WriteLine(line);
    }

    private static void Print(TextWriter o, ConfigComparison c)
    {
        o.WriteLine();
        o.WriteLine($"config {c.LabelA}{(c.LabelA == c.LabelB ? "" : $" -> {c.LabelB}")}: file sha256 {Same(c.FileSha256)}, effective config sha256 {Same(c.EffectiveSha256)}");
        if (c.Keys.Count == 0) o.WriteLine("  effective config: no key differs");
        foreach (var k in c.Keys) o.WriteLine($"  {k.Key}: {k.Before ?? "(absent)"} -> {k.After ?? "(absent)"}");
        o.WriteLine(c.Resolved.Count == 0 ? "  resolved per layer: no value differs" : "  resolved per layer (configured -> resolved, A vs B):");
        foreach (var r in c.Resolved)
        {
            string where = r.Layers.Count == c.Layers.Count ? "every layer" : $"{r.Layers.Count} of {c.Layers.Count} layers: {Names(r.Layers)}";
            o.WriteLine($"    {r.Key}: {r.A.Configured} -> {r.A.Resolved} vs {r.B.Configured} -> {r.B.Resolved} ({where})");
        }

        o.WriteLine(c.LayersOnlyInA.Count + c.LayersOnlyInB.Count == 0 ? "totals" : "totals (the reports cover different layers: not like for like)");
        var totals = new TextTableData(["variant", "metric", "A", "B", "B - A", "B / A"], [false, false, true, true, true, true],
            c.Totals.SelectMany(t => t.Value.Select(m => (IReadOnlyList<string>)[t.Key, m.Name, Number(m.Before), Number(m.After), Signed(m), IsDb(m) ? "-" : Display.Fixed(m.Ratio, 4)])).ToList());
        foreach (var line in totals.PlainLines("  ")) o.WriteLine(line);

        var changed = c.Layers.Where(l => l.Changed).ToList();
        o.WriteLine($"per layer (STaMP): {changed.Count} of {c.Layers.Count} common layer(s) changed");
        if (changed.Count > 0)
        {
            var rows = changed.Select(l => (IReadOnlyList<string>)[l.Layer, .. l.Metrics.SelectMany(m => new[] { Number(m.Before), Number(m.After), IsDb(m) ? Signed(m) : Display.Fixed(m.Ratio, 3) })]).ToList();
            var headers = new[] { "layer" }.Concat(c.Layers[0].Metrics.SelectMany(m => new[] { $"{m.Name} A", "B", IsDb(m) ? "B - A" : "B / A" })).ToArray();
            foreach (var line in new TextTableData(headers, headers.Select((_, i) => i > 0).ToArray(), rows).PlainLines("  ")) o.WriteLine(line);
        }
        if (c.LayersOnlyInA.Count > 0) o.WriteLine($"  {c.LayersOnlyInA.Count} layer(s) only in A: {Names(c.LayersOnlyInA)}");
        if (c.LayersOnlyInB.Count > 0) o.WriteLine($"  {c.LayersOnlyInB.Count} layer(s) only in B: {Names(c.LayersOnlyInB)}");
    }

    private static bool IsDb(MetricDelta m) => m.Name.Contains("(dB)");

    // Counts as signed integers; dB and fractional figures with two decimals.
    private static string Signed(MetricDelta m) =>
        !IsDb(m) && double.IsFinite(m.Delta) && m.Delta == Math.Floor(m.Delta) ? (m.Delta > 0 ? "+" : "") + Display.Count(m.Delta) : Display.Delta(m.Delta);

    private static string Names(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(8)) + (names.Count > 8 ? $", ... {names.Count - 8} more" : "");

    private static string Same((string A, string B) hashes) => hashes.A == hashes.B ? $"same ({Short(hashes.A)})" : $"changed ({Short(hashes.A)} -> {Short(hashes.B)})";

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    private static string Number(double v) => double.IsFinite(v) && (Math.Abs(v) >= 1000 || v == Math.Floor(v)) ? Display.Count(v) : Display.Fixed(v, 3);
}
