using System.Text.Json.Nodes;
using StampSim.Reports.Provenance;
using StampSim.Reports.Run;

namespace StampSim.Reports.Writers;

/// <summary>
/// <c>manifest.json</c>: what is needed to reproduce a report and to tell two apart: tool version and
/// git commit, trace and config hashes, the seed (of a synthetic trace; the run itself draws no random
/// numbers), the full command line, machine and times, and the size and SHA-256 of every other file in
/// the folder (so a damaged or partial folder is recognised).
/// </summary>
public static class ManifestJson
{
    /// <summary>Format name written under <c>format</c>.</summary>
    public const string Format = "stampsim-report";

    /// <summary>A file of the report, relative to the folder.</summary>
    /// <param name="Path">Relative path with '/' separators.</param>
    /// <param name="Bytes">Size.</param>
    /// <param name="Sha256">Digest.</param>
    public sealed record FileEntry(string Path, long Bytes, string Sha256);

    /// <summary>Builds the manifest.</summary>
    public static JsonObject Build(RunResult run, IReadOnlyList<FileEntry> files)
    {
        var p = run.Provenance;
        return new JsonObject
        {
            ["format"] = Format,
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
            ["trace"] = SourceJson.Trace(run.Trace),
            ["configs"] = new JsonArray(run.Configs.Select(c => (JsonNode)SourceJson.Config(c)).ToArray()),
            ["seed"] = run.Trace.Manifest.Input.Seed,
            ["layers"] = new JsonObject
            {
                ["selection"] = run.Request.Layers,
                ["count"] = run.Layers.Count,
                ["focus"] = run.Focus.Choice.Layer.Name,
            },
            ["threads"] = run.Request.Execution.Threads,
            ["machine"] = new JsonObject
            {
                ["os"] = p.Os,
                ["architecture"] = p.Architecture,
                ["cpu_count"] = p.CpuCount,
                ["dotnet"] = p.DotNet,
            },
            ["started_utc"] = p.Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
            ["finished_utc"] = p.Finished.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
            ["duration_seconds"] = (p.Finished - p.Started).TotalSeconds,
            ["files"] = new JsonArray(files.Select(f => (JsonNode)new JsonObject { ["path"] = f.Path, ["bytes"] = f.Bytes, ["sha256"] = f.Sha256 }).ToArray()),
        };
    }

    /// <summary>Lists every file under <paramref name="folder"/> except the manifest, sorted, with sizes and digests.</summary>
    public static IReadOnlyList<FileEntry> Inventory(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(f => f.Relative != Folder.ReportFiles.ManifestJson)
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => new FileEntry(f.Relative, new FileInfo(f.Full).Length, Sha256.OfFile(f.Full)))
            .ToArray();
}
