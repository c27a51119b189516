using System.Text.Json;
using System.Text.Json.Nodes;
using StampSim.Reports.Folder;
using StampSim.Reports.Provenance;
using StampSim.Reports.Writers;

namespace StampSim.Reports.Compare;

/// <summary>
/// A report folder read back and checked: its manifest lists every other file with size and SHA-256,
/// so a partial, damaged or edited folder is refused rather than compared. A run report (<c>stampsim run</c>)
/// or a model report (<c>stampsim model</c>, <see cref="IsModel"/>).
/// </summary>
/// <param name="Folder">The folder.</param>
/// <param name="Manifest">manifest.json.</param>
/// <param name="Result">result.json.</param>
public sealed record ReportSnapshot(string Folder, JsonObject Manifest, JsonObject Result)
{
    /// <summary>True for a model report (<c>stampsim model</c>), false for a run report.</summary>
    public bool IsModel => (string?)Manifest["format"] == Model.ModelReportWriter.Format;

    /// <summary>Which tool, commit and start time made the report: <c>FOLDER: stampsim VERSION, commit SHORT, started UTC</c>.</summary>
    public string Description
    {
        get
        {
            var tool = Manifest["tool"];
            string commit = (string?)tool?["git_commit"] ?? "unknown";
            return $"{Folder}: stampsim {(string?)tool?["version"]}, commit {(commit.Length > 12 ? commit[..12] : commit)}, started {(string?)Manifest["started_utc"]}";
        }
    }

    /// <summary>Reads and checks a report folder.</summary>
    /// <exception cref="InputException">The folder is missing or is not a complete, unmodified report; the message says what is wrong.</exception>
    public static ReportSnapshot Load(string folder)
    {
        if (!Directory.Exists(folder))
            throw new InputException($"{folder}: no such report folder");
        var manifest = ReadJson(folder, ReportFiles.ManifestJson);
        bool model = (string?)manifest["format"] == Model.ModelReportWriter.Format;
        if (!model && (string?)manifest["format"] != ManifestJson.Format || (int?)manifest["format_version"] != 1)
            throw Incomplete(folder, $"{ReportFiles.ManifestJson} is not a StampSim report manifest (format_version 1)");
        if (manifest["files"] is not JsonArray files)
            throw Incomplete(folder, $"{ReportFiles.ManifestJson} lists no files");
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in files)
        {
            string? path = (string?)entry?["path"];
            if (path is null || path.Contains("..") || Path.IsPathRooted(path))
                throw Incomplete(folder, $"{ReportFiles.ManifestJson} has a bad file entry");
            listed.Add(path);
            string full = Path.Combine(folder, path);
            if (!File.Exists(full))
                throw Incomplete(folder, $"{path} is missing");
            if (new FileInfo(full).Length != (long?)entry!["bytes"] || Sha256.OfFile(full) != (string?)entry["sha256"])
                throw Incomplete(folder, $"{path} differs from the manifest (damaged or edited)");
        }
        foreach (var required in new[] { ReportFiles.Markdown, model ? Model.ModelReportWriter.Csv : ReportFiles.LayersCsv, ReportFiles.ResultJson })
            if (!listed.Contains(required))
                throw Incomplete(folder, $"{required} is not in the manifest");
        var result = ReadJson(folder, ReportFiles.ResultJson);
        if ((string?)result["format"] != (model ? Schemas.ModelJson.Format : ResultJson.Format))
            throw Incomplete(folder, $"{ReportFiles.ResultJson} is not a StampSim report result");
        return new ReportSnapshot(folder, manifest, result);
    }

    private static JsonObject ReadJson(string folder, string name)
    {
        string path = Path.Combine(folder, name);
        if (!File.Exists(path))
            throw Incomplete(folder, $"{name} is missing");
        try
        {
            return JsonNode.Parse(Io.StrictText.ReadFile(path)) as JsonObject ?? throw Incomplete(folder, $"{name} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw Incomplete(folder, $"{name} is not valid JSON ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read ({e.Message})", e);
        }
    }

    private static InputException Incomplete(string folder, string what) =>
        new($"{folder}: not a complete StampSim report: {what}");
}
