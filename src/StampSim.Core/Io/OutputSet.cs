namespace StampSim.Io;

/// <summary>
/// The output files of one command, which appear together or not at all: each is written to a temporary
/// file beside its target, and all are renamed into place by <see cref="Commit"/>. Disposing without
/// committing removes the temporary files, so a failed command leaves no partial output. Every path is
/// checked when reserved (before any work): it obeys <see cref="OutputPath"/>, is none of the command's
/// inputs, and no two outputs share a path.
/// </summary>
public sealed class OutputSet : IDisposable
{
    private readonly HashSet<string> _inputs;
    private readonly Dictionary<string, string> _reserved = new(StringComparer.Ordinal);
    private readonly List<(string Temp, string Target, string Shown)> _files = [];
    private bool _committed;

    /// <summary>An output set for a command that reads <paramref name="inputs"/> (null entries are ignored).</summary>
    public OutputSet(IEnumerable<string?> inputs) =>
        _inputs = inputs.OfType<string>().Select(OutputPath.Canonical).ToHashSet(StringComparer.Ordinal);

    /// <summary>Checks an output path up front; <paramref name="option"/> names it in errors (e.g. <c>--out</c>).</summary>
    /// <exception cref="InputException">The path cannot or must not be written.</exception>
    public void Reserve(string path, string option)
    {
        string shown = $"{option} {path}";
        OutputPath.CheckFile(path, shown);
        OutputPath.CheckNotInput(path, shown, _inputs);
        string canonical = OutputPath.Canonical(path);
        if (_reserved.TryGetValue(canonical, out var other))
            throw new InputException($"{shown}: the same file as {other}; give each output its own path");
        _reserved[canonical] = option;
    }

    /// <summary>Writes the content of <paramref name="path"/> (reserved first if it was not) to its temporary file.</summary>
    public void Add(string path, Action<Stream> write)
    {
        string canonical = OutputPath.Canonical(path);
        if (!_reserved.ContainsKey(canonical)) Reserve(path, "output");
        string full = Path.GetFullPath(path);
        StaleOutputs.Clean(full);
        _files.Add((AtomicFile.WriteTemp(full, path, write), full, path));
    }

    /// <summary>Writes UTF-8 text (no BOM).</summary>
    public void AddText(string path, string text) => Add(path, s => s.Write(new System.Text.UTF8Encoding(false).GetBytes(text)));

    /// <summary>Moves every file into place.</summary>
    public void Commit()
    {
        foreach (var (temp, target, shown) in _files)
            AtomicFile.Commit(temp, target, shown);
        _committed = true;
    }

    /// <summary>Removes temporary files that were not committed.</summary>
    public void Dispose()
    {
        foreach (var (temp, _, _) in _files)
            if (!_committed || File.Exists(temp)) AtomicFile.TryDelete(temp);
    }
}
