namespace StampSim.Io;

/// <summary>
/// The rules every output path obeys, whoever writes it: its folder exists, it is not a folder, device,
/// pipe or socket, and it is not one of the command's inputs. Paths are compared after resolving every
/// symbolic link; a hard link to an input is safe anyway, because outputs replace a directory entry
/// by rename and never write into an existing file.
/// </summary>
public static class OutputPath
{
    /// <summary>The absolute path with every symbolic link resolved (as far as the path exists).</summary>
    /// <exception cref="InputException">A symbolic link loop.</exception>
    public static string Canonical(string path)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        string? parent = Path.GetDirectoryName(full);
        if (parent is null) return full;
        string joined = Path.Combine(Canonical(parent), Path.GetFileName(full));
        try
        {
            var info = new FileInfo(joined);
            if (info.LinkTarget is null) return joined;
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? joined : Canonical(target.FullName);
        }
        catch (IOException e)
        {
            throw new InputException($"{path}: cannot resolve ({e.Message})", e);
        }
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies inside it (both canonical).</summary>
    public static bool IsWithin(string path, string folder) =>
        path == folder || path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Checks that a file may be written at <paramref name="path"/> (named <paramref name="shown"/> in errors).</summary>
    /// <exception cref="InputException">Its folder is missing, or the path is a folder or a special file.</exception>
    public static void CheckFile(string path, string shown)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(dir))
            throw new InputException($"{shown}: directory '{dir}' does not exist");
        switch (FileKinds.Of(full))
        {
            case FileKind.Directory:
                throw new InputException($"{shown}: is a directory; give a file path");
            case FileKind.Special:
                throw new InputException($"{shown}: is a device, pipe or socket, not a regular file; give a file path");
        }
    }

    /// <summary>Checks that <paramref name="path"/> is none of <paramref name="inputs"/> (canonical paths).</summary>
    /// <exception cref="InputException">It is.</exception>
    public static void CheckNotInput(string path, string shown, IReadOnlyCollection<string> inputs)
    {
        string canonical = Canonical(path);
        if (inputs.Contains(canonical))
            throw new InputException($"{shown}: is also an input of this command; writing it would destroy the input (choose another path)");
    }

    /// <summary>
    /// Checks that a folder may be created or replaced at <paramref name="path"/>: it is not a file, not the
    /// working folder or one above it, and holds none of <paramref name="inputs"/>. Returns its canonical path.
    /// </summary>
    /// <exception cref="InputException">It may not.</exception>
    public static string CheckFolder(string path, string shown, IEnumerable<string?> inputs)
    {
        string full = Canonical(path);
        if (FileKinds.Of(full) is FileKind.Regular or FileKind.Special)
            throw new InputException($"{shown}: exists and is a file; choose another --out");
        if (IsWithin(Canonical(Environment.CurrentDirectory), full))
            throw new InputException($"{shown}: is the working folder or holds it; an output folder never replaces it (choose a new folder)");
        foreach (var input in inputs.OfType<string>())
            if (IsWithin(Canonical(input), full))
                throw new InputException($"{shown}: holds the input {input}; writing there could destroy it (choose another --out)");
        return full;
    }
}
