using System.Text.Json;
using StampSim.Config;

namespace StampSim.Traces;

/// <summary>
/// Reads one JSON object of a manifest with exact error messages: every key it reads is recorded,
/// so <see cref="RejectUnknownKeys"/> can name a misspelled key (with a suggestion).
/// </summary>
internal sealed class ManifestObject
{
    private readonly JsonElement _element;
    private readonly string _where;
    private readonly string _path;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public ManifestObject(JsonElement element, string where, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new InputException($"{where}: manifest {Label(path)} must be a JSON object");
        _element = element;
        _where = where;
        _path = path;
    }

    public string? String(string key, bool required)
    {
        var e = Get(key, required);
        if (e is null) return null;
        if (e.Value.ValueKind != JsonValueKind.String || e.Value.GetString() is not { Length: > 0 } s)
            throw Error(key, "must be a non-empty string");
        return s;
    }

    public long? Integer(string key, long min, long max)
    {
        var e = Get(key, required: false);
        if (e is null) return null;
        if (e.Value.ValueKind != JsonValueKind.Number || !e.Value.TryGetInt64(out long v) || v < min || v > max)
            throw Error(key, $"must be an integer in [{min}, {max}]");
        return v;
    }

    public ulong? UnsignedInteger(string key)
    {
        var e = Get(key, required: false);
        if (e is null) return null;
        if (e.Value.ValueKind != JsonValueKind.Number || !e.Value.TryGetUInt64(out ulong v))
            throw Error(key, "must be a non-negative integer below 2^64");
        return v;
    }

    public IReadOnlyList<T>? List<T>(string key, Func<JsonElement, string, T> item)
    {
        var e = Get(key, required: false);
        if (e is null) return null;
        if (e.Value.ValueKind != JsonValueKind.Array)
            throw Error(key, "must be a JSON array");
        var result = new List<T>(e.Value.GetArrayLength());
        int i = 0;
        foreach (var v in e.Value.EnumerateArray())
            result.Add(item(v, $"{Key(key)}[{i++}]"));
        return result;
    }

    public ManifestObject Object(string key)
    {
        var e = Get(key, required: true)!.Value;
        return new ManifestObject(e, _where, Key(key));
    }

    public void RejectUnknownKeys()
    {
        foreach (var p in _element.EnumerateObject())
        {
            if (_known.Contains(p.Name)) continue;
            string? hint = DidYouMean.Closest(p.Name, _known);
            throw new InputException($"{_where}: manifest {Label(Key(p.Name))}: unknown key" + (hint is null ? "" : $" (did you mean '{hint}'?)"));
        }
    }

    public InputException Error(string key, string problem) => At(Key(key), problem);

    /// <summary>An error at a full key path such as <c>layers[2]</c>.</summary>
    public InputException At(string path, string problem) => new($"{_where}: manifest {Label(path)}: {problem}");

    private JsonElement? Get(string key, bool required)
    {
        _known.Add(key);
        if (_element.TryGetProperty(key, out var e) && e.ValueKind != JsonValueKind.Null) return e;
        if (required) throw Error(key, "is required");
        return null;
    }

    private string Key(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    private static string Label(string path) => path.Length == 0 ? "(top level)" : $"'{path}'";
}
