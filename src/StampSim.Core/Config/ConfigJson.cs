using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using StampSim.Numerics;

namespace StampSim.Config;

/// <summary>
/// JSON of config records and results: config records as nodes with snake_case keys matching the YAML keys
/// and enums by their config spelling, so an effective configuration written as JSON loads back as YAML;
/// and the options every result document is written with.
/// </summary>
public static class ConfigJson
{
    /// <summary>Shared, immutable options for writing result documents: indented, infinities and NaN as strings.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        o.MakeReadOnly();
        return o;
    }

    /// <summary>The effective configuration (every key, defaults included) as JSON that loads back as YAML.</summary>
    public static JsonObject Effective(StampConfig config)
    {
        var root = JsonSerializer.SerializeToNode(config, ConfigJsonContext.Default.StampConfig)!.AsObject();
        if (config.Accelerator is { } accelerator)
            foreach (var (key, value) in JsonSerializer.SerializeToNode(accelerator, ConfigJsonContext.Default.AcceleratorConfig)!.AsObject().ToList())
                root[key] = value?.DeepClone();
        return root;
    }

    /// <summary>A <c>numerics:</c> section as JSON.</summary>
    public static JsonObject Node(NumericsConfig numerics) =>
        JsonSerializer.SerializeToNode(numerics, ConfigJsonContext.Default.NumericsConfig)!.AsObject();

    /// <summary>A <c>model:</c> section as JSON.</summary>
    public static JsonObject Node(ModelPolicy model) =>
        JsonSerializer.SerializeToNode(model, ConfigJsonContext.Default.ModelPolicy)!.AsObject();
}
