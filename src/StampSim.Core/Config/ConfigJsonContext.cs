using System.Text.Json.Serialization;

namespace StampSim.Config;

/// <summary>
/// Generated serializers for the records <see cref="ConfigJson"/> writes (every command's effective
/// configuration): snake_case keys, each enum by the converter on its type. The options carry no converter
/// and no special number handling, so the generated code writes each record straight to the writer and no
/// serializer metadata is built, or compiled, at start-up. Config values are finite (the readers check).
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StampConfig))]
[JsonSerializable(typeof(Hardware.AcceleratorConfig))]
[JsonSerializable(typeof(Numerics.NumericsConfig))]
[JsonSerializable(typeof(Numerics.ModelPolicy))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
