using System.Text;
using StampSim.Reports.Folder;
using StampSim.Reports.Plots;
using StampSim.Reports.Provenance;
using StampSim.Reports.Run;

namespace StampSim.Reports.Writers;

/// <summary>Writes every file of a report into a folder: plots, report.md, report.html, layers.csv, result.json, and manifest.json last.</summary>
public static class ReportWriter
{
    /// <summary>Writes the report into <paramref name="folder"/> (normally a <see cref="ReportFolder"/>'s staging folder).</summary>
    public static void Write(RunResult run, string folder)
    {
        var plots = ReportPlots.Render(run, folder);
        Text(folder, ReportFiles.Markdown, ReportMarkdown.Build(run, plots));
        Text(folder, ReportFiles.Html, Html.RunHtml.Build(run, plots, folder));
        Text(folder, ReportFiles.LayersCsv, LayersCsv.Build(run));
        Text(folder, ReportFiles.ResultJson, Schemas.JsonText.Of(ResultJson.Build(run)));
        Text(folder, ReportFiles.ManifestJson,
            ProvenanceBuilder.ManifestText(ManifestJson.Format, ProvenanceBuilder.ForFolder(run.Provenance, folder), ManifestJson.Subject(run)));
    }

    private static void Text(string folder, string name, string text)
    {
        try
        {
            File.WriteAllText(Path.Combine(folder, name), text, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{Path.Combine(folder, name)}: cannot write ({e.Message})", e);
        }
    }
}
