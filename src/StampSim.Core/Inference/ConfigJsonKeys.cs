using System.Text.Json;

namespace StampSim.Inference;

/// <summary>Typed, validated access to the keys of a <c>config.json</c>; errors name the file and the key.</summary>
internal sealed class ConfigJsonKeys(JsonElement root, string file)
{
    /// <summary>Where the values come from: the file, and its <c>_source</c> note when it has one.</summary>
    public string Source => root.TryGetProperty("_source", out var s) && s.ValueKind == JsonValueKind.String ? $"{file}: {s.GetString()}" : file;

    public string String(string key) =>
        Get(key) is { ValueKind: JsonValueKind.String } v ? v.GetString()! : throw Error(key, Get(key) is null ? "missing required key" : "expected a string");

    /// <summary>A positive integer; <paramref name="fallback"/> when the key is absent (required when null).</summary>
    public int Positive(string key, int? fallback = null)
    {
        var v = Get(key);
        if (v is null) return fallback ?? throw Error(key, "missing required key");
        if (v.Value.ValueKind != JsonValueKind.Number || !v.Value.TryGetInt32(out int n)) throw Error(key, $"expected an integer, got {v.Value.GetRawText()}");
        return n > 0 ? n : throw Error(key, $"must be positive, got {n}");
    }

    public bool Bool(string key, bool fallback) => Get(key) switch
    {
        null => fallback,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        var v => throw Error(key, $"expected true or false, got {v.Value.GetRawText()}"),
    };

    private JsonElement? Get(string key) => root.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private InputException Error(string key, string message) => new($"{file}: {key}: {message}");
}
