using System.Text.Json.Nodes;
using StampSim.Reports.Provenance;
using StampSim.Io;
using StampSim.Reports.Folder;
using StampSim.Reports.Html;
using StampSim.Reports.Schemas;
using StampSim.Reports.Writers;

namespace StampSim.Reports.Model;

/// <summary>Writes the model report folder: report.md, report.html, model.csv, result.json, plots and manifest.json (with the SHA-256 of every other file).</summary>
public static class ModelReportWriter
{
    /// <summary>Format name of the manifest.</summary>
    public const string Format = "stampsim-model-report";

    /// <summary>The CSV's file name.</summary>
    public const string Csv = "model.csv";

    /// <summary>Writes everything into <paramref name="dir"/> (a staging folder).</summary>
    public static void Write(ModelResult r, string dir)
    {
        string plotsDir = Directory.CreateDirectory(Path.Combine(dir, ReportFiles.Plots)).FullName;
        var plots = ModelPlots.Render(r, plotsDir);
        AtomicFile.WriteAllText(Path.Combine(dir, ReportFiles.Markdown), ModelMarkdown.Build(r, plots));
        AtomicFile.WriteAllText(Path.Combine(dir, ReportFiles.Html), ModelHtml.Build(r, plots, dir));
        AtomicFile.WriteAllText(Path.Combine(dir, Csv), ModelCsv.Build(r));
        AtomicFile.WriteAllText(Path.Combine(dir, ReportFiles.ResultJson), ModelJson.Text(r));
        var subject = new JsonObject
        {
            ["model"] = r.Architecture.Name,
            ["configs"] = new JsonArray(r.Configs.Select(c => (JsonNode)SourceJson.Config(c.Config)).ToArray()),
        };
        AtomicFile.WriteAllText(Path.Combine(dir, ReportFiles.ManifestJson),
            ProvenanceBuilder.ManifestText(Format, ProvenanceBuilder.ForFolder(r.Provenance, dir), subject));
    }
}
