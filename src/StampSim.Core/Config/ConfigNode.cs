namespace StampSim.Config;

/// <summary>Where a config value came from: a file position, a command-line override, or a default.</summary>
/// <param name="Source">File name, <c>--set key=value</c>, or <c>default</c>.</param>
/// <param name="Line">1-based line, or 0 when not from a file.</param>
/// <param name="Column">1-based column, or 0 when not from a file.</param>
public readonly record struct SourceMark(string Source, int Line, int Column)
{
    /// <summary><c>file:line:column</c>, or just the source when it has no position.</summary>
    public override string ToString() => Line > 0 ? $"{Source}:{Line}:{Column}" : Source;
}

/// <summary>A node of a parsed YAML config, with the position it came from.</summary>
public abstract class ConfigNode
{
    /// <summary>Creates a node at <paramref name="mark"/>.</summary>
    protected ConfigNode(SourceMark mark) => Mark = mark;

    /// <summary>Where the node starts.</summary>
    public SourceMark Mark { get; }

    /// <summary>A short description of the node kind, for error messages.</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar: the raw text and whether it was quoted.</summary>
public sealed class ConfigScalar(string text, bool quoted, SourceMark mark) : ConfigNode(mark)
{
    /// <summary>The scalar's text.</summary>
    public string Text { get; } = text;

    /// <summary>True when written in quotes (never null, never a number keyword).</summary>
    public bool Quoted { get; } = quoted;

    /// <summary>True for YAML null (<c>~</c>, <c>null</c>, or an empty plain scalar).</summary>
    public bool IsNull => !Quoted && Text is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc />
    public override string KindName => "a scalar";
}

/// <summary>A sequence of nodes.</summary>
public sealed class ConfigList(IReadOnlyList<ConfigNode> items, SourceMark mark) : ConfigNode(mark)
{
    /// <summary>The items in order.</summary>
    public IReadOnlyList<ConfigNode> Items { get; } = items;

    /// <inheritdoc />
    public override string KindName => "a list";
}

/// <summary>A mapping with unique keys, in document order.</summary>
public sealed class ConfigMap(SourceMark mark) : ConfigNode(mark)
{
    private readonly List<ConfigEntry> _entries = [];

    /// <summary>The entries in document order.</summary>
    public IReadOnlyList<ConfigEntry> Entries => _entries;

    /// <inheritdoc />
    public override string KindName => "a mapping";

    /// <summary>The entry for <paramref name="key"/>, if present.</summary>
    public ConfigEntry? Find(string key) => _entries.Find(e => e.Key == key);

    /// <summary>Adds or replaces the value of <paramref name="key"/>.</summary>
    public void Set(string key, SourceMark keyMark, ConfigNode value)
    {
        int i = _entries.FindIndex(e => e.Key == key);
        var entry = new ConfigEntry(key, keyMark, value);
        if (i >= 0) _entries[i] = entry; else _entries.Add(entry);
    }

    /// <summary>A deep copy that can be changed without touching this map.</summary>
    public ConfigMap DeepClone()
    {
        var copy = new ConfigMap(Mark);
        foreach (var e in _entries)
            copy.Set(e.Key, e.KeyMark, e.Value is ConfigMap m ? m.DeepClone() : e.Value);
        return copy;
    }
}

/// <summary>One key of a mapping.</summary>
/// <param name="Key">The key text.</param>
/// <param name="KeyMark">Where the key is written.</param>
/// <param name="Value">The value node.</param>
public sealed record ConfigEntry(string Key, SourceMark KeyMark, ConfigNode Value);
