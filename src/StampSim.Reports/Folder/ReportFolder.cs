using StampSim.Io;

namespace StampSim.Reports.Folder;

/// <summary>
/// A report folder that appears complete or not at all. Files are written into a hidden staging folder
/// beside the target, which is renamed into place by <see cref="Commit"/>; disposing without committing
/// deletes it, and a staging folder left by a killed run is removed by the next one. An existing target
/// is never written into: it must be absent or empty, or, with <c>force</c>, a complete StampSim folder of
/// the same kind (see <see cref="OwnedFolder"/>), which is moved aside and deleted only after the new
/// folder is in place.
/// </summary>
public sealed class ReportFolder : IDisposable
{
    private readonly bool _force;
    private readonly string _format;
    private bool _committed;

    private ReportFolder(string target, string staging, bool force, string format)
    {
        Target = target;
        Staging = staging;
        _force = force;
        _format = format;
    }

    /// <summary>Where the report will be.</summary>
    public string Target { get; }

    /// <summary>Where its files are written until <see cref="Commit"/>.</summary>
    public string Staging { get; }

    /// <summary>Checks the target and creates the staging folder (and the target's parent directories).</summary>
    /// <param name="target">The folder to create or replace.</param>
    /// <param name="force">Replace a complete folder of the same kind.</param>
    /// <param name="format">The manifest <c>format</c> of this kind of folder.</param>
    /// <param name="inputs">The command's inputs, which the folder must not hold.</param>
    /// <exception cref="InputException">The target may not be written (see <see cref="OutputPath.CheckFolder"/> and <see cref="OwnedFolder.CheckReplaceable"/>), or cannot be created.</exception>
    public static ReportFolder Begin(string target, bool force, string format, IEnumerable<string?> inputs)
    {
        string full = OutputPath.CheckFolder(target, target, inputs);
        OwnedFolder.CheckReplaceable(full, target, format, force);
        string parent = Path.GetDirectoryName(full) ?? throw new InputException($"{target}: cannot write a report at the file-system root");
        try
        {
            Directory.CreateDirectory(parent);
            StaleOutputs.Clean(full);
            string staging = StaleOutputs.Beside(full, StaleOutputs.Staging);
            Directory.CreateDirectory(staging);
            return new ReportFolder(full, staging, force, format);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{target}: cannot create the report folder ({e.Message})", e);
        }
    }

    /// <summary>Moves the finished report into place.</summary>
    /// <exception cref="InputException">The target appeared meanwhile, or the rename fails; the staging folder is then removed on dispose.</exception>
    public void Commit()
    {
        OwnedFolder.CheckReplaceable(Target, Target, _format, _force);
        string? aside = null;
        try
        {
            if (Directory.Exists(Target))
            {
                aside = StaleOutputs.Beside(Target, StaleOutputs.Replaced);
                Directory.Move(Target, aside);
            }
            Directory.Move(Staging, Target);
            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (aside is not null && !Directory.Exists(Target)) TryMove(aside, Target);
            throw new InputException($"{Target}: cannot move the report into place ({e.Message})", e);
        }
        if (aside is not null) TryDelete(aside);
    }

    /// <summary>Removes the staging folder unless the report was committed.</summary>
    public void Dispose()
    {
        if (!_committed) TryDelete(Staging);
    }

    private static void TryMove(string from, string to)
    {
        try { Directory.Move(from, to); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
