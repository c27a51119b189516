namespace StampSim.Io;

/// <summary>
/// A set of output files that appear together or not at all: each is written to a temporary file
/// beside its target, and all are renamed into place by <see cref="Commit"/>. Disposing without
/// committing removes the temporary files, so a failed command leaves no partial output.
/// </summary>
public sealed class OutputSet : IDisposable
{
    private readonly List<(string Temp, string Target)> _files = [];
    private bool _committed;

    /// <summary>Checks up front that the directory of <paramref name="path"/> exists.</summary>
    public static void RequireDirectory(string path)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (!Directory.Exists(dir))
            throw new InputException($"{path}: directory '{dir}' does not exist");
    }

    /// <summary>Writes the content of <paramref name="path"/> to its temporary file.</summary>
    public void Add(string path, Action<Stream> write)
    {
        RequireDirectory(path);
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        _files.Add((temp, full));
        try
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            write(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot write ({e.Message})", e);
        }
    }

    /// <summary>Writes UTF-8 text (no BOM).</summary>
    public void AddText(string path, string text) => Add(path, s => s.Write(new System.Text.UTF8Encoding(false).GetBytes(text)));

    /// <summary>Moves every file into place.</summary>
    public void Commit()
    {
        foreach (var (temp, target) in _files)
        {
            try { File.Move(temp, target, overwrite: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"{target}: cannot write ({e.Message})", e);
            }
        }
        _committed = true;
    }

    /// <summary>Removes temporary files that were not committed.</summary>
    public void Dispose()
    {
        foreach (var (temp, _) in _files)
        {
            if (_committed && !File.Exists(temp)) continue;
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
