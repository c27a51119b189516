using System.Text.Json;
using System.Text.Json.Nodes;
using StampSim.Io;

namespace StampSim.Reports.Folder;

/// <summary>
/// Whether an existing folder is one StampSim made and may replace: its <c>manifest.json</c> has the
/// expected <c>format</c> (a report, a sweep) and lists every file in the folder. Anything else (a user's
/// folder, a report of another kind, a report with files added by hand) is never replaced, even with
/// <c>--force</c>, because replacing deletes it.
/// </summary>
public static class OwnedFolder
{
    /// <summary>Checks that <paramref name="full"/> is absent, empty, or (with <paramref name="force"/>) a complete folder of <paramref name="format"/>.</summary>
    /// <exception cref="InputException">It is not.</exception>
    public static void CheckReplaceable(string full, string shown, string format, bool force)
    {
        if (FileKinds.Of(full) is FileKind.Regular or FileKind.Special)
            throw new InputException($"{shown}: exists and is a file; choose another --out");
        if (!Directory.Exists(full) || !Directory.EnumerateFileSystemEntries(full).Any()) return;
        if (Unlisted(full, format) is { } reason)
            throw new InputException($"{shown}: is not empty and is not a complete StampSim '{format}' folder ({reason}); it is never replaced, even with --force (choose another --out)");
        if (!force)
            throw new InputException($"{shown}: already exists and is not empty; an output folder is never written into (choose another --out, or --force to replace it)");
    }

    // Why the folder is not a complete folder of this format, or null when it is.
    private static string? Unlisted(string full, string format)
    {
        string path = Path.Combine(full, ReportFiles.ManifestJson);
        if (FileKinds.Of(path) != FileKind.Regular) return $"no {ReportFiles.ManifestJson}";
        JsonObject? manifest;
        try { manifest = JsonNode.Parse(StrictText.ReadFile(path)) as JsonObject; }
        catch (JsonException) { return $"{ReportFiles.ManifestJson} is not valid JSON"; }
        catch (InputException) { return $"{ReportFiles.ManifestJson} is not readable UTF-8"; }
        if (manifest?["format"] is not JsonValue v || !v.TryGetValue(out string? actual) || actual != format)
            return $"{ReportFiles.ManifestJson} is not of format '{format}'";
        // Path -> SHA-256 as written: a file added or edited by hand makes the folder the user's.
        var listed = new Dictionary<string, string?>(StringComparer.Ordinal) { [ReportFiles.ManifestJson] = null };
        if (manifest["files"] is JsonArray files)
            foreach (var f in files)
                if (f?["path"] is JsonValue p && p.TryGetValue(out string? rel)) listed[rel] = f["sha256"] is JsonValue h && h.TryGetValue(out string? sha) ? sha : null;
        foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(full, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!listed.TryGetValue(rel, out string? sha)) return $"{rel} is not in its manifest";
            if (sha is not null && Provenance.Sha256.OfFile(file) != sha) return $"{rel} was changed after it was written";
        }
        return null;
    }
}
