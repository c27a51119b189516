using System.Text.Json;

namespace StampSim.Models.Io;

/// <summary>A model's <c>config.json</c>: typed look-ups whose errors name the file and the key.</summary>
internal sealed class JsonConfigFile
{
    private readonly Dictionary<string, JsonElement> _values;

    private JsonConfigFile(string path, Dictionary<string, JsonElement> values)
    {
        Path = path;
        _values = values;
    }

    /// <summary>The file path.</summary>
    public string Path { get; }

    /// <summary>Reads and parses <paramref name="path"/>, which must hold a JSON object.</summary>
    public static JsonConfigFile Read(string path)
    {
        string text = StampSim.Io.StrictText.ReadFile(path);
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new InputException($"{path}: expected a JSON object");
            var values = doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            return new JsonConfigFile(path, values);
        }
        catch (JsonException e) { throw new InputException($"{path}: not valid JSON ({e.Message})"); }
    }

    /// <summary>True when <paramref name="key"/> is present and not null.</summary>
    public bool Has(string key) => _values.TryGetValue(key, out var v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>An integer; <paramref name="fallback"/> when absent, an error when absent without one.</summary>
    public int Int(string key, int? fallback = null)
    {
        if (!Has(key)) return fallback ?? throw Missing(key);
        var v = _values[key];
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int result))
            throw new InputException($"{Path}: key '{key}' must be an integer, got {v.GetRawText()}");
        return result;
    }

    /// <summary>A number; <paramref name="fallback"/> when absent, an error when absent without one.</summary>
    public double Double(string key, double? fallback = null)
    {
        if (!Has(key)) return fallback ?? throw Missing(key);
        var v = _values[key];
        if (v.ValueKind != JsonValueKind.Number)
            throw new InputException($"{Path}: key '{key}' must be a number, got {v.GetRawText()}");
        return v.GetDouble();
    }

    /// <summary>A string; <paramref name="fallback"/> when absent, an error when absent without one.</summary>
    public string String(string key, string? fallback = null)
    {
        if (!Has(key)) return fallback ?? throw Missing(key);
        var v = _values[key];
        if (v.ValueKind != JsonValueKind.String)
            throw new InputException($"{Path}: key '{key}' must be a string, got {v.GetRawText()}");
        return v.GetString()!;
    }

    /// <summary>A boolean; <paramref name="fallback"/> when absent, an error when absent without one.</summary>
    public bool Bool(string key, bool? fallback = null)
    {
        if (!Has(key)) return fallback ?? throw Missing(key);
        var v = _values[key];
        if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            throw new InputException($"{Path}: key '{key}' must be true or false, got {v.GetRawText()}");
        return v.GetBoolean();
    }

    /// <summary>An error naming the file and a bad value of <paramref name="key"/>.</summary>
    public InputException Error(string key, string message) => new($"{Path}: key '{key}': {message}");

    private InputException Missing(string key) => new($"{Path}: missing key '{key}'");
}
