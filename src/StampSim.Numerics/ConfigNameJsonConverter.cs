using System.Text.Json;
using System.Text.Json.Serialization;

namespace StampSim.Numerics;

/// <summary>
/// Writes an enum member as its config spelling (<see cref="ConfigNames.Of{T}"/>: the member name in
/// snake_case), so an effective configuration written as JSON loads back as YAML. Set on each config enum,
/// so the generated serializers of the config records use it without a converter in their options.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class ConfigNameJsonConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower)
    where TEnum : struct, Enum;
