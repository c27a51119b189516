using System.Globalization;
using StampSim.Numerics;

namespace StampSim.Config;

/// <summary>
/// Reads typed values from one mapping of a config, remembering which keys were asked for so
/// that anything else can be reported as unknown (with a "did you mean"). Every error names the
/// dotted key path and the file line:column (or the <c>--set</c> override) it came from.
/// </summary>
public sealed class ConfigSection
{
    private readonly ConfigMap? _map;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private ConfigSection(ConfigMap? map, string path, SourceMark mark)
    {
        _map = map;
        Path = path;
        Mark = mark;
    }

    /// <summary>The section's dotted path (empty for the root).</summary>
    public string Path { get; }

    /// <summary>Where the section starts (or its parent when the section is absent).</summary>
    public SourceMark Mark { get; }

    /// <summary>True when the section exists in the document.</summary>
    public bool Exists => _map is not null;

    /// <summary>A reader over the root mapping of a document.</summary>
    public static ConfigSection Root(ConfigMap map) => new(map, "", map.Mark);

    /// <summary>The keys present in this mapping, in document order.</summary>
    public IEnumerable<string> Keys => _map?.Entries.Select(e => e.Key) ?? [];

    /// <summary>True when <paramref name="key"/> is present (and marks it as known).</summary>
    public bool Has(string key)
    {
        _known.Add(key);
        return _map?.Find(key) is { } e && !(e.Value is ConfigScalar s && s.IsNull);
    }

    /// <summary>The full dotted path of <paramref name="key"/>.</summary>
    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>A nested mapping; an absent key gives an empty section (all defaults).</summary>
    public ConfigSection Section(string key)
    {
        _known.Add(key);
        var entry = _map?.Find(key);
        if (entry is null) ThrowIfMisspelled(key);
        if (entry is null || entry.Value is ConfigScalar { IsNull: true })
            return new ConfigSection(null, PathOf(key), entry?.KeyMark ?? Mark);
        if (entry.Value is not ConfigMap m)
            throw Error(entry.Value.Mark, key, $"expected a mapping of keys, found {entry.Value.KindName}");
        return new ConfigSection(m, PathOf(key), m.Mark);
    }

    /// <summary>An integer in [min, max].</summary>
    public int Int(string key, int @default, int min, int max) =>
        Scalar(key, @default, (text, mark) => ParseInt(text, mark, key, min, max));

    /// <summary>An integer in [min, max] that must be present.</summary>
    public int RequiredInt(string key, int min, int max) =>
        Required(key, (text, mark) => ParseInt(text, mark, key, min, max));

    /// <summary>An integer in [min, max], or the word <c>auto</c> (returned as null).</summary>
    public int? IntOrAuto(string key, int? @default, int min, int max) =>
        Scalar(key, @default, (text, mark) => text == "auto" ? null : ParseInt(text, mark, key, min, max, "or 'auto'"));

    /// <summary>A finite number in [min, max].</summary>
    public double Double(string key, double @default, double min, double max) =>
        Scalar(key, @default, (text, mark) => ParseDouble(text, mark, key, min, max));

    /// <summary>A finite number in [min, max] that must be present.</summary>
    public double RequiredDouble(string key, double min, double max) =>
        Required(key, (text, mark) => ParseDouble(text, mark, key, min, max));

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public bool Bool(string key, bool @default) =>
        Scalar(key, @default, (text, mark) => text switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => throw Error(mark, key, $"expected true or false, got '{text}'"),
        });

    /// <summary>A string, or <paramref name="default"/> when absent.</summary>
    public string? String(string key, string? @default) => Scalar(key, @default, (text, _) => text);

    /// <summary>A string that must be present.</summary>
    public string RequiredString(string key) => Required(key, (text, _) => text);

    /// <summary>An enum value written as its snake_case name (see <see cref="ConfigNames"/>).</summary>
    public T Enum<T>(string key, T @default) where T : struct, System.Enum =>
        Scalar(key, @default, (text, mark) => ParseEnum<T>(text, mark, key));

    /// <summary>A required enum value.</summary>
    public T RequiredEnum<T>(string key) where T : struct, System.Enum =>
        Required(key, (text, mark) => ParseEnum<T>(text, mark, key));

    /// <summary>One of the names <paramref name="known"/> (e.g. a registry's), or <paramref name="default"/> when absent.</summary>
    public string OneOf(string key, string @default, IReadOnlyList<string> known) =>
        Scalar(key, @default, (text, mark) => known.Contains(text) ? text : throw UnknownValue(text, known, mark, key));

    /// <summary>A value parsed by <paramref name="parse"/>, which throws <see cref="FormatException"/> with a reason.</summary>
    public T Parsed<T>(string key, T @default, Func<string, T> parse) =>
        Scalar(key, @default, (text, mark) => Wrap(parse, text, mark, key));

    /// <summary>A required value parsed by <paramref name="parse"/>.</summary>
    public T RequiredParsed<T>(string key, Func<string, T> parse) =>
        Required(key, (text, mark) => Wrap(parse, text, mark, key));

    /// <summary>A list of scalars, each parsed by <paramref name="parse"/>.</summary>
    public IReadOnlyList<T> List<T>(string key, IReadOnlyList<T> @default, Func<string, T> parse)
    {
        _known.Add(key);
        var entry = _map?.Find(key);
        if (entry is null || entry.Value is ConfigScalar { IsNull: true }) return @default;
        if (entry.Value is not ConfigList list)
            throw Error(entry.Value.Mark, key, $"expected a list, found {entry.Value.KindName}");
        var result = new List<T>(list.Items.Count);
        foreach (var item in list.Items)
        {
            if (item is not ConfigScalar s)
                throw Error(item.Mark, key, $"list items must be scalars, found {item.KindName}");
            result.Add(Wrap(parse, s.Text, s.Mark, key));
        }
        return result;
    }

    /// <summary>The raw node of <paramref name="key"/> (null when absent or null), for values with several accepted forms.</summary>
    public ConfigNode? Raw(string key)
    {
        _known.Add(key);
        var node = _map?.Find(key)?.Value;
        return node is ConfigScalar { IsNull: true } ? null : node;
    }

    /// <summary>Where <paramref name="key"/> is written, or the section's mark when absent.</summary>
    public SourceMark MarkOf(string key) => _map?.Find(key)?.Value.Mark ?? Mark;

    /// <summary>Throws for any key that no accessor asked for, suggesting the closest known key.</summary>
    public void RejectUnknownKeys()
    {
        if (_map is null) return;
        foreach (var e in _map.Entries)
        {
            if (_known.Contains(e.Key)) continue;
            string? hint = DidYouMean.Closest(e.Key, _known);
            string where = Path.Length == 0 ? "" : $" in '{Path}'";
            throw new InputException($"{e.KeyMark}: unknown key '{PathOf(e.Key)}'{where}" +
                (hint is null ? $" (known keys: {string.Join(", ", _known.Order())})" : $"; did you mean '{PathOf(hint)}'?"));
        }
    }

    /// <summary>
    /// When <paramref name="key"/> is absent but an unread key is spelled almost like it, that key is
    /// a typo: report it now rather than as a confusing "missing key".
    /// </summary>
    public void ThrowIfMisspelled(string key)
    {
        if (_map is null) return;
        foreach (var e in _map.Entries)
        {
            if (_known.Contains(e.Key) || e.Key == key || DidYouMean.Closest(e.Key, [key]) is null) continue;
            string where = Path.Length == 0 ? "" : $" in '{Path}'";
            throw new InputException($"{e.KeyMark}: unknown key '{PathOf(e.Key)}'{where}; did you mean '{PathOf(key)}'?");
        }
    }

    /// <summary>An error about <paramref name="key"/> at its position.</summary>
    public InputException Error(string key, string message) => Error(MarkOf(key), key, message);

    private InputException Error(SourceMark mark, string key, string message) => new($"{mark}: {PathOf(key)}: {message}");

    private T Scalar<T>(string key, T @default, Func<string, SourceMark, T> parse)
    {
        _known.Add(key);
        var entry = _map?.Find(key);
        if (entry is null) return @default;
        if (entry.Value is not ConfigScalar s)
            throw Error(entry.Value.Mark, key, $"expected a single value, found {entry.Value.KindName}");
        if (!s.IsNull) return parse(s.Text.Trim(), s.Mark);
        // null means "none", which only a key whose default is none can take; elsewhere it hides a mistake.
        return @default is null ? @default : throw Error(s.Mark, key, "null is not a value here; give a value, or leave the key out for the default");
    }

    private T Required<T>(string key, Func<string, SourceMark, T> parse)
    {
        _known.Add(key);
        var entry = _map?.Find(key);
        if (entry is null) ThrowIfMisspelled(key);
        if (entry is null || entry.Value is ConfigScalar { IsNull: true })
            throw new InputException($"{Mark}: missing required key '{PathOf(key)}'");
        if (entry.Value is not ConfigScalar s)
            throw Error(entry.Value.Mark, key, $"expected a single value, found {entry.Value.KindName}");
        return parse(s.Text.Trim(), s.Mark);
    }

    private T Wrap<T>(Func<string, T> parse, string text, SourceMark mark, string key)
    {
        try { return parse(text); }
        catch (FormatException e) { throw Error(mark, key, e.Message); }
    }

    private int ParseInt(string text, SourceMark mark, string key, int min, int max, string extra = "")
    {
        string digits = text.Replace("_", "");
        if (!int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
            throw Error(mark, key, System.Numerics.BigInteger.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                ? $"{text} is out of range (between {min} and {max})"
                : $"expected an integer{(extra.Length > 0 ? " " + extra : "")}, got '{text}'");
        if (v < min || v > max)
            throw Error(mark, key, $"{v} is out of range (between {min} and {max})");
        return v;
    }

    private double ParseDouble(string text, SourceMark mark, string key, double min, double max)
    {
        if (!double.TryParse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw Error(mark, key, $"expected a number, got '{text}'");
        if (v < min || v > max)
            throw Error(mark, key, $"{text} is out of range ({RangeText(min, max)})");
        return v;
    }

    // "above 0", "at least 1", "between 0 and 1": a range as a person writes it, never double.Epsilon or double.MaxValue.
    private static string RangeText(double min, double max)
    {
        string G(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
        if (max >= double.MaxValue) return min <= double.Epsilon && min > 0 ? "must be above 0" : $"must be at least {G(min)}";
        return min <= double.Epsilon && min > 0 ? $"must be above 0 and at most {G(max)}" : $"between {G(min)} and {G(max)}";
    }

    private T ParseEnum<T>(string text, SourceMark mark, string key) where T : struct, System.Enum
    {
        if (ConfigNames.TryParse<T>(text, out var value)) return value;
        throw UnknownValue(text, ConfigNames.All<T>(), mark, key);
    }

    private InputException UnknownValue(string text, IReadOnlyList<string> names, SourceMark mark, string key)
    {
        string? hint = DidYouMean.Closest(text, names);
        return Error(mark, key, $"unknown value '{text}' (expected one of: {string.Join(", ", names)})" + (hint is null ? "" : $"; did you mean '{hint}'?"));
    }
}
