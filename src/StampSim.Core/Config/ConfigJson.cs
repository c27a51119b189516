using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace StampSim.Config;

/// <summary>
/// JSON settings for config records and results: snake_case keys matching the YAML keys, enums
/// by their config spelling, so an effective configuration written as JSON loads back as YAML.
/// </summary>
public static class ConfigJson
{
    /// <summary>Shared, immutable serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            // Generated metadata for the config records: no reflection to build (and JIT) at start-up; anything else by reflection.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ConfigJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    /// <summary>The effective configuration (every key, defaults included) as JSON that loads back as YAML.</summary>
    public static JsonObject Effective(StampConfig config)
    {
        var root = JsonSerializer.SerializeToNode(config, Options)!.AsObject();
        if (config.Accelerator is { } accelerator)
            foreach (var (key, value) in JsonSerializer.SerializeToNode(accelerator, Options)!.AsObject().ToList())
                root[key] = value?.DeepClone();
        return root;
    }
}
