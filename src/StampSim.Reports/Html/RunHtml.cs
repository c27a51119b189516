using System.Globalization;
using StampSim.Reports.Plots;
using StampSim.Reports.Provenance;
using StampSim.Reports.Run;
using StampSim.Reports.Writers;

namespace StampSim.Reports.Html;

/// <summary>
/// report.html of <c>stampsim run</c>: what was run, per config the totals and per-layer tables
/// (sortable), the energy table with its sources (collapsible) and the plots, then the focus layer.
/// The same tables as report.md (<see cref="SummaryTable"/>, <see cref="EnergyTableText"/>).
/// </summary>
public static class RunHtml
{
    /// <summary>The page of <paramref name="run"/>, whose plots are already in <paramref name="folder"/>.</summary>
    public static string Build(RunResult run, IReadOnlyList<PlotFile> plots, string folder)
    {
        var p = run.Provenance;
        var page = new HtmlPage($"StampSim report: {run.Trace.Name} on {string.Join(", ", run.Configs.Select(c => c.Label))}");
        page.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"Made by stampsim {p.ToolVersion} (commit {GitCommit.Abbreviate(p.Git.Commit)}) on {p.Started.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC in {(p.Finished - p.Started).TotalSeconds:0.0} s:"));
        page.Code(p.CommandText);
        var t = run.Trace;
        page.Heading(2, "What was run").List(
        [
            $"Trace: {(t.IsBundled ? Traces.BundledTrace.FileName + " (bundled)" : t.Path)}, {t.Bytes:N0} bytes, sha256 {t.Sha256}",
            $"Model: {t.Manifest.Model}{(t.Manifest.License is null ? "" : $", licence {t.Manifest.License}")}",
            $"Layers: {run.Layers.Count} of {t.Manifest.Layers.Count}{(run.Request.Layers is null ? "" : $" (--layers {run.Request.Layers})")}; the golden engine ran {run.NumericsRuns} times",
        ]);
        foreach (var config in run.Configs)
        {
            var hw = config.Accelerator;
            page.Heading(2, $"Config {config.Label}");
            page.Paragraph($"{config.Config.Description ?? config.Label}. File {config.Source}, sha256 {config.FileSha256}" +
                (config.Overrides.Count == 0 ? "." : $"; overrides: {string.Join(", ", config.Overrides)}."));
            page.Details($"Energy table (hash {hw.Energy.Hash}): pJ per action and where each figure comes from", d => d.Table(EnergyTableText.Of(hw.Energy)));
            var totals = run.Totals.First(x => x.Label == config.Label);
            page.Heading(3, "Totals");
            if (!totals.Complete)
                page.Paragraph("Some layers cannot run on this design (see the per-layer table); the cost totals cover the feasible layers only and no ratios are given.");
            page.Table(SummaryTable.Totals(totals));
            page.Heading(3, "Per layer").Paragraph(SummaryTable.Legend + ". Click a column header to sort.");
            page.Table(SummaryTable.PerLayer(run, config.Label), footRows: 1);
            if (SummaryTable.DramNote(run, config.Label) is { } dram) page.Paragraph(dram + ".");
            foreach (var plot in plots.Where(x => x.Config == config.Label)) page.Plot(folder, plot);
        }
        page.Heading(2, $"Focus layer: {run.Focus.Choice.Layer.Name}")
            .Paragraph($"Shape {run.Focus.Choice.Shape}; {run.Focus.Choice.Reason}.");
        foreach (var plot in plots.Where(x => x.Config.Length == 0)) page.Plot(folder, plot);
        page.Paragraph("report.md has the same content with the reading notes; layers.csv and result.json hold every figure; manifest.json the provenance and the SHA-256 of every file.");
        return page.Render();
    }
}
