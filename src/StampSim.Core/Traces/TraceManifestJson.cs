using System.Text.Json;
using System.Text;
using StampSim.Numerics;

namespace StampSim.Traces;

/// <summary>The JSON form of a <see cref="TraceManifest"/> (the schema is in <c>traces/README.md</c>).</summary>
public static class TraceManifestJson
{
    /// <summary>Serialises a manifest as compact JSON with keys in the documented order.</summary>
    public static string Write(TraceManifest m)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("format_version", m.FormatVersion);
            w.WriteString("model", m.Model);
            if (m.Source is not null) w.WriteString("source", m.Source);
            if (m.License is not null) w.WriteString("license", m.License);
            WriteInput(w, m.Input);
            w.WriteStartArray("layers");
            foreach (var l in m.Layers) WriteLayer(w, l);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Parses and checks a manifest; errors name <paramref name="where"/> and the key path.</summary>
    /// <exception cref="InputException">Malformed JSON, a missing or mistyped key, an unknown key or version, duplicate layer names.</exception>
    public static TraceManifest Parse(string json, string where)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new InputException($"{where}: manifest is not valid JSON ({e.Message.ReplaceLineEndings(" ")})"); }
        using (doc)
        {
            var root = new ManifestObject(doc.RootElement, where, "");
            long version = root.Integer("format_version", 0, int.MaxValue) ?? throw root.Error("format_version", "is required");
            if (version != TraceManifest.CurrentVersion)
                throw root.Error("format_version", $"version {version} is not supported (this StampSim reads version {TraceManifest.CurrentVersion})");
            var manifest = new TraceManifest(
                root.String("model", required: true)!,
                root.String("source", required: false),
                root.String("license", required: false),
                ReadInput(root.Object("input")),
                root.List("layers", (e, path) => ReadLayer(new ManifestObject(e, where, path))) ?? throw root.Error("layers", "is required"));
            root.RejectUnknownKeys();
            if (manifest.Layers.Count == 0)
                throw root.Error("layers", "must list at least one layer");
            var duplicate = manifest.Layers.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw root.Error("layers", $"layer name '{duplicate.Key}' appears {duplicate.Count()} times");
            return manifest;
        }
    }

    private static TraceInput ReadInput(ManifestObject o)
    {
        string kind = o.String("kind", required: true)!;
        if (!TraceInput.Kinds.Contains(kind))
            throw o.Error("kind", $"unknown input kind '{kind}' (expected one of: {string.Join(", ", TraceInput.Kinds)})");
        var input = new TraceInput(
            kind,
            o.String("description", required: false),
            o.List("files", (e, path) => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw o.At(path, "must be a string")),
            o.UnsignedInteger("seed"),
            o.List("token_ids", (e, path) => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long id) && id >= 0
                ? id
                : throw o.At(path, "must be a non-negative integer token id")));
        o.RejectUnknownKeys();
        return input;
    }

    private static TraceLayer ReadLayer(ManifestObject o)
    {
        var grid = o.String("grid", required: false);
        TokenGrid? parsed = null;
        if (grid is not null)
        {
            try { parsed = TokenGrid.Parse(grid); }
            catch (FormatException e) { throw o.Error("grid", e.Message); }
        }
        var layer = new TraceLayer(
            o.String("name", required: true)!,
            o.String("kind", required: true)!,
            (int?)o.Integer("block", 0, int.MaxValue),
            o.String("activation", required: true)!,
            o.String("weight", required: true)!,
            o.String("bias", required: false),
            parsed,
            (int)(o.Integer("prefix", 0, int.MaxValue) ?? 0));
        if (layer.Prefix > 0 && layer.Grid is null)
            throw o.Error("prefix", "prefix tokens are only meaningful with a grid");
        o.RejectUnknownKeys();
        return layer;
    }

    private static void WriteInput(Utf8JsonWriter w, TraceInput input)
    {
        w.WriteStartObject("input");
        w.WriteString("kind", input.Kind);
        if (input.Description is not null) w.WriteString("description", input.Description);
        if (input.Files is not null)
        {
            w.WriteStartArray("files");
            foreach (var f in input.Files) w.WriteStringValue(f);
            w.WriteEndArray();
        }
        if (input.Seed is ulong seed) w.WriteNumber("seed", seed);
        if (input.TokenIds is not null)
        {
            w.WriteStartArray("token_ids");
            foreach (var id in input.TokenIds) w.WriteNumberValue(id);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteLayer(Utf8JsonWriter w, TraceLayer l)
    {
        w.WriteStartObject();
        w.WriteString("name", l.Name);
        w.WriteString("kind", l.Kind);
        if (l.Block is int block) w.WriteNumber("block", block);
        w.WriteString("activation", l.Activation);
        if (l.Weight is not null) w.WriteString("weight", l.Weight);
        if (l.Bias is not null) w.WriteString("bias", l.Bias);
        if (l.Grid is not null) w.WriteString("grid", l.Grid.ToString());
        if (l.Prefix > 0) w.WriteNumber("prefix", l.Prefix);
        w.WriteEndObject();
    }
}
