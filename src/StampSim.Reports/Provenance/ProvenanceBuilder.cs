using System.Globalization;
using System.Text.Json.Nodes;

namespace StampSim.Reports.Provenance;

/// <summary>
/// The one builder of provenance: it digests the input and output files and writes the manifest every
/// command that leaves results behind records (<c>run</c>, <c>sweep</c>, <c>model</c>; the same for any
/// later one). The manifest is the common header (format, tool and commits, command, working directory),
/// the kind's own keys, the inputs when there are any, the machine, the times and the output files.
/// </summary>
public static class ProvenanceBuilder
{
    /// <summary>Digests <paramref name="inputFiles"/> (as given) and <paramref name="outputFiles"/> (as given) for <paramref name="run"/>.</summary>
    /// <exception cref="InputException">A file cannot be read.</exception>
    public static OutputProvenance Build(RunProvenance run, IEnumerable<string> inputFiles, IEnumerable<string> outputFiles) =>
        new(run, inputFiles.Select(f => FileDigest.Of(f)).ToArray(), outputFiles.Select(f => FileDigest.Of(f)).ToArray());

    /// <summary>
    /// The provenance of a report folder: its outputs are every file under <paramref name="folder"/> but the
    /// manifest, by relative path; <paramref name="inputFiles"/> are digested as given.
    /// </summary>
    /// <exception cref="InputException">A file cannot be read.</exception>
    public static OutputProvenance ForFolder(RunProvenance run, string folder, IEnumerable<string>? inputFiles = null) =>
        new(run, (inputFiles ?? []).Select(f => FileDigest.Of(f)).ToArray(), FileDigest.Inventory(folder, Folder.ReportFiles.ManifestJson));

    /// <summary>The manifest of <paramref name="provenance"/>: <paramref name="subject"/>'s keys (what was made) between the common header and the machine.</summary>
    /// <param name="format">The manifest's <c>format</c>, naming the kind of output.</param>
    /// <param name="provenance">Who made it, from what, into what.</param>
    /// <param name="subject">The kind's own keys (trace, configs, spec, model, ...); its nodes are moved into the manifest.</param>
    public static JsonObject Manifest(string format, OutputProvenance provenance, JsonObject subject)
    {
        var p = provenance.Run;
        var manifest = new JsonObject
        {
            ["format"] = format,
            ["format_version"] = 1,
            ["tool"] = new JsonObject
            {
                ["name"] = "stampsim",
                ["version"] = p.ToolVersion,
                ["build_commit"] = p.BuildCommit,
                ["git_commit"] = p.Git.Commit,
                ["git_dirty"] = p.Git.Dirty,
            },
            ["command_line"] = new JsonArray(p.CommandLine.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
            ["command"] = p.CommandText,
            ["working_directory"] = p.WorkingDirectory,
        };
        foreach (var key in subject.Select(kv => kv.Key).ToArray())
        {
            var node = subject[key];
            subject.Remove(key);
            manifest[key] = node;
        }
        if (provenance.Inputs.Count > 0) manifest["inputs"] = Files(provenance.Inputs);
        manifest["machine"] = new JsonObject
        {
            ["os"] = p.Os,
            ["architecture"] = p.Architecture,
            ["cpu_count"] = p.CpuCount,
            ["dotnet"] = p.DotNet,
        };
        manifest["started_utc"] = Utc(p.Started);
        manifest["finished_utc"] = Utc(p.Finished);
        manifest["duration_seconds"] = (p.Finished - p.Started).TotalSeconds;
        manifest["files"] = Files(provenance.Outputs);
        return manifest;
    }

    /// <summary>The manifest as written: indented JSON with a final newline.</summary>
    public static string ManifestText(string format, OutputProvenance provenance, JsonObject subject) =>
        Schemas.JsonText.Of(Manifest(format, provenance, subject));

    private static JsonArray Files(IReadOnlyList<FileDigest> files) =>
        new(files.Select(f => (JsonNode)new JsonObject { ["path"] = f.Path, ["bytes"] = f.Bytes, ["sha256"] = f.Sha256 }).ToArray());

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
