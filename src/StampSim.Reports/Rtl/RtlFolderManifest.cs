using System.Text.Json.Nodes;
using StampSim.Io;
using StampSim.Reports.Folder;
using StampSim.Reports.Provenance;

namespace StampSim.Reports.Rtl;

/// <summary>
/// The manifest of a folder <c>stampsim rtl emit|vectors|verify --out</c> writes, so that the folder is a
/// StampSim output of its kind (<see cref="OwnedFolder"/>): never written into when it holds anything else,
/// and replaced with <c>--force</c> only when it is a complete folder of the same kind.
/// </summary>
public static class RtlFolderManifest
{
    /// <summary>Format of <c>rtl emit</c>'s folder.</summary>
    public const string EmitFormat = "stampsim-rtl-emit";

    /// <summary>Format of <c>rtl vectors</c>'s folder.</summary>
    public const string VectorsFormat = "stampsim-rtl-vectors";

    /// <summary>Format of <c>rtl verify --out</c>'s folder.</summary>
    public const string VerifyFormat = "stampsim-rtl-verify";

    /// <summary>Writes the manifest of <paramref name="folder"/> (every file in it, the inputs, the command and the design).</summary>
    /// <param name="folder">The finished folder (a report folder's staging folder).</param>
    /// <param name="format">One of the formats above.</param>
    /// <param name="commandLine">The full command line, program name first.</param>
    /// <param name="started">When the command started (UTC).</param>
    /// <param name="inputs">The command's input files (absent ones are skipped).</param>
    /// <param name="design">The one-line description of the RTL design.</param>
    public static void Write(string folder, string format, IReadOnlyList<string> commandLine, DateTimeOffset started, IEnumerable<string?> inputs, string design)
    {
        var run = RunProvenance.Capture(commandLine, started, DateTimeOffset.UtcNow);
        var provenance = ProvenanceBuilder.ForFolder(run, folder, inputs.OfType<string>().Where(File.Exists));
        AtomicFile.WriteAllText(Path.Combine(folder, ReportFiles.ManifestJson), ProvenanceBuilder.ManifestText(format, provenance, new JsonObject { ["design"] = design }));
    }
}
