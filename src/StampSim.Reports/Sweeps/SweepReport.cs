using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using StampSim.Io;
using StampSim.Reports.Plots;
using StampSim.Reports.Provenance;
using StampSim.Reports.Writers;
using StampSim.Sweeps;

namespace StampSim.Reports.Sweeps;

/// <summary>
/// The human side of a finished sweep folder: plots (PNG and SVG), <c>report.md</c>, <c>report.html</c>
/// and <c>manifest.json</c> (tool, commit, command, machine, time, spec hash, and the size and digest of
/// every file), written next to <c>points.csv</c> and <c>pareto.csv</c>.
/// </summary>
public static class SweepReport
{
    /// <summary>The manifest <c>format</c> of a sweep folder.</summary>
    public const string Format = "stampsim-sweep";

    /// <summary>Writes the report of the complete sweep in <paramref name="dir"/>.</summary>
    public static void Write(string dir, SweepSpec spec, SweepState state, int engineRuns, RunProvenance provenance)
    {
        var table = SweepTable.Read(dir, spec);
        // The plots read a layer sweep's totals; a model sweep's front is the HTML chart and the table.
        var plots = table.Feasible.Any() && spec.Model is null ? SweepPlots.Render(table, Path.Combine(dir, Folder.ReportFiles.Plots)) : [];
        AtomicFile.WriteAllText(Path.Combine(dir, Folder.ReportFiles.Markdown), Markdown(table, state, engineRuns, plots, provenance));
        AtomicFile.WriteAllText(Path.Combine(dir, Folder.ReportFiles.Html), Html.SweepHtml.Build(table, state, engineRuns, plots, provenance, dir));
        var subject = new JsonObject
        {
            ["spec"] = spec.Source,
            ["spec_hash"] = state.SpecHash,
            ["configs"] = new JsonArray(spec.Configs.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            ["traces"] = new JsonArray(spec.Traces.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
            ["model"] = spec.Model?.Arch,
            ["seed"] = spec.Sampling.Random is null ? null : spec.Sampling.Seed,
            ["points"] = state.Points,
        };
        AtomicFile.WriteAllText(Path.Combine(dir, Folder.ReportFiles.ManifestJson),
            ProvenanceBuilder.ManifestText(Format, ProvenanceBuilder.ForFolder(provenance, dir), subject));
    }

    private static string Markdown(SweepTable t, SweepState state, int engineRuns, IReadOnlyList<PlotFile> plots, RunProvenance p)
    {
        var spec = t.Spec;
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append($"# StampSim sweep: {Path.GetFileNameWithoutExtension(spec.Source)}\n\n");
        sb.Append(inv, $"Made by stampsim {p.ToolVersion} (commit `{GitCommit.Abbreviate(p.Git.Commit)}`) on {p.Finished.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC:\n\n```\n{p.CommandText}\n```\n\n");
        sb.Append("## What was run\n\n");
        sb.Append($"- **Spec**: `{spec.Source}`, hash `{state.SpecHash[..16]}` (spec text and the content of its configs and traces).\n");
        sb.Append($"- **Configs**: {string.Join(", ", spec.Configs.Select(c => $"`{c}`"))}; fixed overrides: {(spec.Sets.Count == 0 ? "none" : string.Join(", ", spec.Sets.Select(s => $"`{s}`")))}.\n");
        sb.Append($"- **Traces**: {string.Join(", ", spec.Traces.Select(x => $"`{x}`"))}; layers: {(spec.Layers is null ? "all" : $"`{spec.Layers}`")}.\n");
        sb.Append("- **Axes**:\n");
        foreach (var a in spec.Axes) sb.Append($"  - `{a.Key}`: {string.Join(", ", a.Values)}\n");
        sb.Append(inv, $"- **Sampling**: {(spec.Sampling.Random is int n ? $"{n} points drawn at random (seed {spec.Sampling.Seed})" : "the full grid")}; ");
        sb.Append($"constraints: {(spec.Constraints.Count == 0 ? "none" : string.Join("; ", spec.Constraints.Select(c => $"`{c.Text}`")))}.\n");
        sb.Append($"- **Objectives** of the Pareto front: {string.Join(", ", spec.Objectives.Select(o => $"{o.Name} ({(o.Maximize ? "max" : "min")})"))}.\n\n");

        int feasible = t.Feasible.Count();
        sb.Append("## Results\n\n");
        sb.Append(inv, $"{t.Points.Count} points evaluated ({feasible} feasible, {t.Points.Count - feasible} infeasible); {t.Pareto.Count} Pareto-optimal. ");
        sb.Append(engineRuns > 0 ? $"The golden numerics ran for {engineRuns} distinct numerics settings and were shared by every hardware point.\n\n" : "\n\n");
        var reasons = t.Points.Where(r => t.Text(r, "feasible") != "true").GroupBy(r => t.Text(r, "reason")).OrderByDescending(g => g.Count()).Take(5).ToList();
        if (reasons.Count > 0)
        {
            sb.Append("Most common reasons a point is infeasible:\n\n");
            foreach (var g in reasons) sb.Append(inv, $"- {g.Count()} points: {g.Key}\n");
            sb.Append('\n');
        }
        sb.Append("### Pareto-optimal points (by energy)\n\n");
        sb.Append(ParetoTable.Of(t, 40).Markdown());
        if (t.Pareto.Count > 40) sb.Append(inv, $"\n({t.Pareto.Count - 40} more in `pareto.csv`.)\n");
        sb.Append('\n');
        foreach (var plot in plots)
            sb.Append($"### {plot.Title}\n\n![{plot.Title}]({plot.Png})\n\n{plot.Caption} ([SVG]({plot.Svg}))\n\n");
        sb.Append("## How to read this\n\n");
        if (spec.Model is not null)
            sb.Append(inv, $"- Model sweep: each point is the whole-model cost of `{spec.Model.Arch}` (prompt {spec.Model.Request.Prompt}, decode {spec.Model.Request.Decode}, batch {spec.Model.Request.Batch}) on the point's config, as `stampsim model --config <base> --set <point>` gives it; STaMP's figures, with its ratios to A4 and A8 on the same hardware. Energy per token is decode energy per generated token.\n");
        sb.Append("- Each point is one design: a base config with one value per axis. Totals add up every selected layer of the trace; SQNR is the total reference energy over the total error energy of all layers' outputs.\n");
        sb.Append("- The cost figures come from StampSim's analytical cost model (`docs/cost-model.md`), the SQNR from the golden numerics (`shared/spec/numerics.md`), which do not depend on the hardware axes.\n");
        sb.Append("- A point is Pareto-optimal when no other point is at least as good in every objective and better in one. `points.csv` holds every point (`index` is its position in the full grid), `pareto.csv` the front.\n");
        sb.Append("- Infeasible points could not map at least one layer onto the design (buffers too small for any tiling, or a transform block that does not fit the DWT unit); the reason names the layer.\n");
        return sb.ToString();
    }
}
