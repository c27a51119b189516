using StampSim.Reports.Provenance;
using StampSim.Traces;

namespace StampSim.Reports.Run;

/// <summary>The trace a run replays and what identifies it: the argument given, the file, its hash and its manifest.</summary>
/// <param name="Argument">What the user gave (<c>bundled</c> or a path).</param>
/// <param name="Path">The file read.</param>
/// <param name="Name">Short name for folder names: the file name without extension (the captured name for the bundled trace).</param>
/// <param name="Sha256">SHA-256 of the file.</param>
/// <param name="Bytes">File size.</param>
/// <param name="Manifest">The trace manifest.</param>
public sealed record TraceSource(string Argument, string Path, string Name, string Sha256, long Bytes, TraceManifest Manifest)
{
    /// <summary>True for the trace embedded in StampSim.</summary>
    public bool IsBundled => Argument == BundledTrace.Name;

    /// <summary>Describes an opened trace.</summary>
    public static TraceSource Of(string argument, TraceFile trace)
    {
        string name = argument == BundledTrace.Name ? BundledTrace.FileName : System.IO.Path.GetFileName(trace.Path);
        return new TraceSource(argument, trace.Path, System.IO.Path.GetFileNameWithoutExtension(name),
            Provenance.Sha256.OfFile(trace.Path), trace.FileBytes, trace.Manifest);
    }
}
