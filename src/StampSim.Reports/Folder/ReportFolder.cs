namespace StampSim.Reports.Folder;

/// <summary>
/// A report folder that appears complete or not at all. Files are written into a hidden staging folder
/// beside the target, which is renamed into place by <see cref="Commit"/>; disposing without committing
/// deletes it. An existing target is never written into: it must be absent or empty, or, with
/// <c>force</c>, it is moved aside and deleted only after the new folder is in place.
/// </summary>
public sealed class ReportFolder : IDisposable
{
    private readonly bool _force;
    private bool _committed;

    private ReportFolder(string target, string staging, bool force)
    {
        Target = target;
        Staging = staging;
        _force = force;
    }

    /// <summary>Where the report will be.</summary>
    public string Target { get; }

    /// <summary>Where its files are written until <see cref="Commit"/>.</summary>
    public string Staging { get; }

    /// <summary>Checks the target and creates the staging folder (and the target's parent directories).</summary>
    /// <exception cref="InputException">The target is a file, or a non-empty folder without <paramref name="force"/>, or cannot be created.</exception>
    public static ReportFolder Begin(string target, bool force)
    {
        string full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        CheckTarget(target, full, force);
        string parent = Path.GetDirectoryName(full) ?? throw new InputException($"{target}: cannot write a report at the file-system root");
        string staging = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{target}: cannot create the report folder ({e.Message})", e);
        }
        return new ReportFolder(full, staging, force);
    }

    /// <summary>Moves the finished report into place.</summary>
    /// <exception cref="InputException">The target appeared meanwhile, or the rename fails; the staging folder is then removed on dispose.</exception>
    public void Commit()
    {
        CheckTarget(Target, Target, _force);
        string? aside = null;
        try
        {
            if (Directory.Exists(Target))
            {
                aside = Path.Combine(Path.GetDirectoryName(Target)!, $".{Path.GetFileName(Target)}.replaced-{Guid.NewGuid():N}");
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

    private static void CheckTarget(string shown, string full, bool force)
    {
        if (File.Exists(full))
            throw new InputException($"{shown}: exists and is a file; choose another --out");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !force)
            throw new InputException($"{shown}: already exists and is not empty; a report is never overwritten in place (choose another --out, or --force to replace it)");
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
