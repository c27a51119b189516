namespace StampSim.Io;

/// <summary>
/// Writes a file so that readers never see it half-written: the content goes to a
/// temporary file in the same directory, which replaces the target only once complete.
/// The path obeys <see cref="OutputPath"/>; commands with inputs write through <see cref="OutputSet"/>,
/// which adds the check against them.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes the file through <paramref name="write"/>; on any failure the target is untouched.</summary>
    /// <exception cref="InputException">The path is not writable (see <see cref="OutputPath.CheckFile"/>) or the write fails (disk full, I/O error, permission).</exception>
    public static void Write(string path, Action<Stream> write)
    {
        OutputPath.CheckFile(path, path);
        string full = Path.GetFullPath(path);
        StaleOutputs.Clean(full);
        string tmp = WriteTemp(full, path, write);
        Commit(tmp, full, path);
    }

    /// <summary>Writes text (UTF-8, no BOM) atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, s => s.Write(new System.Text.UTF8Encoding(false).GetBytes(text)));

    /// <summary>Writes the content for <paramref name="full"/> into a fresh temporary file beside it and returns its path.</summary>
    /// <exception cref="InputException">The write fails; the temporary file is removed.</exception>
    internal static string WriteTemp(string full, string shown, Action<Stream> write)
    {
        string tmp = StaleOutputs.Beside(full, StaleOutputs.TempFile);
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: false);
            }
            return tmp;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not EndOfStreamException)
        {
            TryDelete(tmp);
            throw new InputException($"{shown}: cannot write ({e.Message}); nothing was written", e);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
    }

    /// <summary>Renames a finished temporary file onto its target.</summary>
    /// <exception cref="InputException">The rename fails; the temporary file is removed.</exception>
    internal static void Commit(string tmp, string full, string shown)
    {
        try { File.Move(tmp, full, overwrite: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(tmp);
            throw new InputException($"{shown}: cannot write ({e.Message}); nothing was written", e);
        }
    }

    internal static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
