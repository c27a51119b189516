using System.Globalization;
using StampSim.Reports.Plots;
using StampSim.Reports.Provenance;
using StampSim.Reports.Sweeps;
using StampSim.Reports.Writers;

namespace StampSim.Reports.Html;

/// <summary>
/// report.html of a finished sweep: what was run, the counts, the Pareto points (sortable), an
/// interactive Pareto plot whose points show their design point and metrics, and the plots.
/// </summary>
public static class SweepHtml
{
    /// <summary>The page of the sweep <paramref name="t"/>, whose plots are already in <paramref name="folder"/>.</summary>
    public static string Build(SweepTable t, SweepState state, int engineRuns, IReadOnlyList<PlotFile> plots, RunProvenance p, string folder)
    {
        var spec = t.Spec;
        var inv = CultureInfo.InvariantCulture;
        var page = new HtmlPage($"StampSim sweep: {Path.GetFileNameWithoutExtension(spec.Source)}");
        page.Paragraph(string.Create(inv, $"Made by stampsim {p.ToolVersion} (commit {GitCommit.Abbreviate(p.Git.Commit)}) on {p.Finished.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC:"));
        page.Code(p.CommandText);
        page.Heading(2, "What was run").List(
        [
            $"Spec: {spec.Source}, hash {state.SpecHash[..16]}",
            $"Configs: {string.Join(", ", spec.Configs)}; fixed overrides: {(spec.Sets.Count == 0 ? "none" : string.Join(", ", spec.Sets))}",
            $"Traces: {string.Join(", ", spec.Traces)}; layers: {spec.Layers ?? "all"}",
            .. spec.Axes.Select(a => $"Axis {a.Key}: {string.Join(", ", a.Values)}"),
            $"Sampling: {(spec.Sampling.Random is int n ? $"{n} points at random (seed {spec.Sampling.Seed})" : "the full grid")}; constraints: {(spec.Constraints.Count == 0 ? "none" : string.Join("; ", spec.Constraints.Select(c => c.Text)))}",
            $"Objectives: {string.Join(", ", spec.Objectives.Select(o => $"{o.Name} ({(o.Maximize ? "max" : "min")})"))}",
        ]);

        int feasible = t.Feasible.Count();
        page.Heading(2, "Totals").Table(new TextTableData(["", "points"], [false, true],
        [
            ["evaluated", Display.Count(t.Points.Count)], ["feasible", Display.Count(feasible)], ["infeasible", Display.Count(t.Points.Count - feasible)],
            ["Pareto-optimal", Display.Count(t.Pareto.Count)], ["golden engine runs", Display.Count(engineRuns)],
        ]));
        var reasons = t.Points.Where(r => t.Text(r, "feasible") != "true").GroupBy(r => t.Text(r, "reason")).OrderByDescending(g => g.Count()).Take(5).ToList();
        if (reasons.Count > 0)
            page.Details("Most common reasons a point is infeasible", d => d.Table(new TextTableData(["points", "reason"], [true, false],
                reasons.Select(g => (IReadOnlyList<string>)[Display.Count(g.Count()), g.Key]).ToList())));

        if (feasible > 0)
        {
            var front = t.Pareto.Select(r => t.Text(r, "index")).ToHashSet();
            if (spec.Model is null)
            {
                page.Heading(2, "Pareto plot: energy vs latency");
                page.Markup(ParetoChart.Html(t.Feasible.Select(r => Point(t, r, front.Contains(t.Text(r, "index")))).ToList(), "latency (us)", "energy (uJ)", "output SQNR (dB)"));
            }
            else
            {
                page.Heading(2, "Pareto plot: energy per token vs TTFT");
                page.Markup(ParetoChart.Html(t.Feasible.Select(r => ModelPoint(t, r, front.Contains(t.Text(r, "index")))).ToList(), "TTFT (s)", "decode energy per token (mJ)", "output SQNR (dB)"));
            }
        }
        page.Heading(2, "Pareto-optimal points").Paragraph("By energy; click a column header to sort.").Table(ParetoTable.Of(t));
        foreach (var plot in plots) page.Plot(folder, plot, 2);
        page.Paragraph("points.csv holds every point (index is its position in the full grid), pareto.csv the front, report.md the reading notes, manifest.json the provenance and the SHA-256 of every file.");
        return page.Render();
    }

    // A model sweep's point: TTFT against decode energy per generated token, coloured by the trace's SQNR (nan without a trace).
    private static ChartPoint ModelPoint(SweepTable t, string[] r, bool optimal)
    {
        List<KeyValuePair<string, string>> design =
        [
            new("config", t.Text(r, "config")), new("model", t.Text(r, "model")), new("trace", t.Text(r, "trace")),
            .. t.Spec.Axes.Select((a, k) => new KeyValuePair<string, string>(a.Key, r[t.FirstAxisColumn + k])),
        ];
        List<KeyValuePair<string, string>> metrics =
        [
            new("TTFT (s)", Display.Fixed(t.Number(r, "ttft_s"), 3)),
            new("TPOT (ms)", Display.Fixed(t.Number(r, "tpot_s") * 1e3, 3)),
            new("tokens per s", Display.Fixed(t.Number(r, "tokens_per_s"), 2)),
            new("decode energy per token (mJ)", Display.Fixed(t.Number(r, "decode_energy_per_token_j") * 1e3, 3)),
            new("prefill energy per token (mJ)", Display.Fixed(t.Number(r, "prefill_energy_per_token_j") * 1e3, 3)),
            new("bound (prefill / decode)", $"{t.Text(r, "prefill_bound")} / {t.Text(r, "decode_bound")}"),
            new("output SQNR (dB)", Display.Db(t.Number(r, "sqnr_db"))),
            new("TTFT vs A8", Display.Fixed(t.Number(r, "ttft_vs_a8"), 3)),
            new("decode energy vs A8", Display.Fixed(t.Number(r, "decode_energy_vs_a8"), 3)),
        ];
        string index = t.Text(r, "index");
        return new ChartPoint(index, t.Number(r, "ttft_s"), t.Number(r, "decode_energy_per_token_j") * 1e3, t.Number(r, "sqnr_db"), optimal,
            $"Design point {index}{(optimal ? " (Pareto-optimal)" : "")}", design, metrics);
    }

    private static ChartPoint Point(SweepTable t, string[] r, bool optimal)
    {
        var axes = t.Spec.Axes;
        List<KeyValuePair<string, string>> design =
        [
            new("config", t.Text(r, "config")), new("trace", t.Text(r, "trace")),
            .. axes.Select((a, k) => new KeyValuePair<string, string>(a.Key, r[t.FirstAxisColumn + k])),
        ];
        List<KeyValuePair<string, string>> metrics =
        [
            new("latency (us)", Display.Fixed(t.Number(r, "seconds") * 1e6, 2)),
            new("energy (uJ)", Display.Microjoules(t.Number(r, "energy_pj"))),
            new("cycles", Display.Count(t.Number(r, "cycles"))),
            new("DRAM (MB)", Display.Fixed(t.Number(r, "dram_bytes") / 1e6, 3)),
            new("fJ per MAC", Display.Fixed(t.Number(r, "fj_per_mac"), 1)),
            new("output SQNR (dB)", Display.Db(t.Number(r, "sqnr_db"))),
            new("activation SQNR (dB)", Display.Db(t.Number(r, "act_sqnr_db"))),
            new("payload bits", Display.Fixed(t.Number(r, "payload_bits"), 3)),
            new("bits with metadata", Display.Fixed(t.Number(r, "bits_with_metadata"), 3)),
        ];
        string index = t.Text(r, "index");
        return new ChartPoint(index, t.Number(r, "seconds") * 1e6, t.Number(r, "energy_pj") / 1e6, t.Number(r, "sqnr_db"), optimal,
            $"Design point {index}{(optimal ? " (Pareto-optimal)" : "")}", design, metrics);
    }
}
