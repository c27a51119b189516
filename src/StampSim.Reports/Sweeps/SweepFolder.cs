using StampSim.Io;

namespace StampSim.Reports.Sweeps;

/// <summary>
/// A sweep's folder. Unlike a report it is written in place, so that a killed sweep resumes where it
/// stopped; it is therefore only ever written when it is new, empty, or already a sweep folder
/// (<c>sweep.json</c> present and nothing but the files a sweep writes). A user's folder is never
/// written into, even with <c>--force</c>.
/// </summary>
public static class SweepFolder
{
    /// <summary>File of all points.</summary>
    public const string PointsFile = "points.csv";

    /// <summary>File of the Pareto-optimal points.</summary>
    public const string ParetoFile = "pareto.csv";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        PointsFile, ParetoFile, SweepState.FileName, Folder.ReportFiles.ManifestJson,
        Folder.ReportFiles.Markdown, Folder.ReportFiles.Html, Folder.ReportFiles.Plots,
    };

    /// <summary>Checks <paramref name="dir"/> and creates it if needed.</summary>
    /// <exception cref="InputException">It is a file, the working folder, holds an input, or holds anything but a sweep.</exception>
    public static void Prepare(string dir, IEnumerable<string?> inputs)
    {
        string full = OutputPath.CheckFolder(dir, dir, inputs);
        if (Directory.Exists(full))
        {
            var names = Directory.EnumerateFileSystemEntries(full).Select(e => Path.GetFileName(e)!).ToList();
            if (names.Count > 0 && !names.Contains(SweepState.FileName))
                throw new InputException($"{dir}: is not empty and is not a sweep folder (no {SweepState.FileName}); it is never written into, even with --force (choose another --out)");
            // A killed write leaves a hidden temporary file beside its target; the next write of that target removes it.
            if (names.FirstOrDefault(n => !Known.Contains(n) && !Known.Any(k => n.StartsWith($".{k}.{StaleOutputs.TempFile}-", StringComparison.Ordinal))) is { } foreign)
                throw new InputException($"{dir}: holds {foreign}, which a sweep does not write; it is never written into, even with --force (choose another --out)");
        }
        try { Directory.CreateDirectory(full); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{dir}: cannot create the sweep folder ({e.Message})", e);
        }
    }
}
