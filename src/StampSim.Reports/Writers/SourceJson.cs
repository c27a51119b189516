using System.Text.Json.Nodes;
using StampSim.Reports.Run;
using StampSim.Traces;

namespace StampSim.Reports.Writers;

/// <summary>How result.json and manifest.json describe the trace and the configs (the same keys in both).</summary>
public static class SourceJson
{
    /// <summary>The trace: what was given, the file, its hash and the manifest's provenance.</summary>
    public static JsonObject Trace(TraceSource t) => new()
    {
        ["argument"] = t.Argument,
        ["bundled"] = t.IsBundled,
        ["file"] = t.IsBundled ? BundledTrace.FileName : t.Path,
        ["name"] = t.Name,
        ["sha256"] = t.Sha256,
        ["bytes"] = t.Bytes,
        ["model"] = t.Manifest.Model,
        ["source"] = t.Manifest.Source,
        ["license"] = t.Manifest.License,
        ["input"] = new JsonObject
        {
            ["kind"] = t.Manifest.Input.Kind,
            ["description"] = t.Manifest.Input.Description,
            ["files"] = t.Manifest.Input.Files is { } files ? new JsonArray(files.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()) : null,
            ["seed"] = t.Manifest.Input.Seed,
            ["tokens"] = t.Manifest.Input.TokenIds?.Count,
        },
        ["layers"] = t.Manifest.Layers.Count,
    };

    /// <summary>A config: label, name, file, hashes and overrides.</summary>
    public static JsonObject Config(ConfigSpec c) => new()
    {
        ["label"] = c.Label,
        ["name"] = c.Config.Name,
        ["description"] = c.Config.Description,
        ["file"] = c.Source,
        ["sha256"] = c.FileSha256,
        ["effective_sha256"] = c.EffectiveSha256,
        ["overrides"] = new JsonArray(c.Overrides.Select(o => (JsonNode)JsonValue.Create(o)!).ToArray()),
        ["energy_table_hash"] = c.Accelerator.Energy.Hash,
    };
}
