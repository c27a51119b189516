using System.Text.Json;

namespace StampSim.Io;

/// <summary>
/// A Hugging Face <c>config.json</c> (or an embedded preset in the same form): typed look-ups whose
/// errors name the file and the key (<c>FILE: KEY: reason</c>). The one reader of such files, for the
/// model-level cost and for the model loaders; each caller passes its own defaults.
/// </summary>
public sealed class HfConfigJson
{
    private readonly JsonElement _root;

    private HfConfigJson(JsonElement root, string file)
    {
        _root = root;
        File = file;
    }

    /// <summary>The file (or preset) the values come from, as errors name it.</summary>
    public string File { get; }

    /// <summary>Where the values come from: the file, and its <c>_source</c> note when it has one.</summary>
    public string Source => Get("_source") is { ValueKind: JsonValueKind.String } s ? $"{File}: {s.GetString()}" : File;

    /// <summary>Reads and parses <paramref name="path"/> (UTF-8 text holding a JSON object).</summary>
    /// <exception cref="InputException">Missing, unreadable, not UTF-8, not JSON or not an object.</exception>
    public static HfConfigJson Read(string path) => Parse(StrictText.ReadFile(path), path);

    /// <summary>Parses config.json text; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="InputException">Not JSON or not an object.</exception>
    public static HfConfigJson Parse(string json, string file)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InputException($"{file}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        if (root.ValueKind != JsonValueKind.Object) throw new InputException($"{file}: expected a JSON object");
        return new HfConfigJson(root, file);
    }

    /// <summary>True when <paramref name="key"/> is present and not null.</summary>
    public bool Has(string key) => Get(key) is not null;

    /// <summary>A string; <paramref name="fallback"/> when absent (required when null).</summary>
    public string String(string key, string? fallback = null) => Get(key) switch
    {
        null => fallback ?? throw Missing(key),
        { ValueKind: JsonValueKind.String } v => v.GetString()!,
        _ => throw Error(key, "expected a string"),
    };

    /// <summary>An integer of any sign; <paramref name="fallback"/> when absent (required when null).</summary>
    public int Int(string key, int? fallback = null)
    {
        var v = Get(key);
        if (v is null) return fallback ?? throw Missing(key);
        if (v.Value.ValueKind != JsonValueKind.Number || !v.Value.TryGetInt32(out int n)) throw Error(key, $"expected an integer, got {v.Value.GetRawText()}");
        return n;
    }

    /// <summary>A positive integer; <paramref name="fallback"/> when absent (required when null).</summary>
    public int Positive(string key, int? fallback = null)
    {
        int n = Int(key, fallback);
        return n > 0 ? n : throw Error(key, $"must be positive, got {n}");
    }

    /// <summary>A number; <paramref name="fallback"/> when absent (required when null).</summary>
    public double Double(string key, double? fallback = null) => Get(key) switch
    {
        null => fallback ?? throw Missing(key),
        { ValueKind: JsonValueKind.Number } v => v.GetDouble(),
        var v => throw Error(key, $"expected a number, got {v.Value.GetRawText()}"),
    };

    /// <summary>A boolean; <paramref name="fallback"/> when absent (required when null).</summary>
    public bool Bool(string key, bool? fallback = null) => Get(key) switch
    {
        null => fallback ?? throw Missing(key),
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        var v => throw Error(key, $"expected true or false, got {v.Value.GetRawText()}"),
    };

    /// <summary>A list of integers; empty when absent.</summary>
    public IReadOnlyList<int> Ints(string key)
    {
        if (Get(key) is not { } v) return [];
        if (v.ValueKind != JsonValueKind.Array) throw Error(key, $"expected a list of integers, got {v.GetRawText()}");
        return v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int n) ? n
            : throw Error(key, $"expected a list of integers, got {e.GetRawText()} in it")).ToArray();
    }

    /// <summary>
    /// The number of classes of a classifier: <c>num_labels</c>, else the entries of <c>id2label</c>
    /// (Transformers writes the labels and derives <c>num_labels</c> from them); required, as the
    /// classifier's width cannot be guessed.
    /// </summary>
    public int Labels()
    {
        if (Has("num_labels") || !Has("id2label")) return Positive("num_labels");
        var labels = Get("id2label")!.Value;
        if (labels.ValueKind != JsonValueKind.Object) throw Error("id2label", "expected an object");
        int count = labels.EnumerateObject().Count();
        return count > 0 ? count : throw Error("id2label", "has no labels");
    }

    /// <summary>An error naming the file and <paramref name="key"/>.</summary>
    public InputException Error(string key, string message) => new($"{File}: {key}: {message}");

    private InputException Missing(string key) => Error(key, "missing required key");

    private JsonElement? Get(string key) => _root.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;
}
