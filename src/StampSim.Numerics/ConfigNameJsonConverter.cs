using System.Text.Json;
using System.Text.Json.Serialization;

namespace StampSim.Numerics;

/// <summary>
/// Writes an enum member as its config spelling (<see cref="ConfigNames.Of{T}"/>), so an effective
/// configuration written as JSON loads back as YAML. Set on each config enum, so the generated serializers of
/// the config records use it without a converter in their options; it builds no name tables, so a short
/// command compiles nothing for it at start-up.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class ConfigNameJsonConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
{
    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && ConfigNames.TryParse(reader.GetString()!, out TEnum value)
            ? value
            : throw new JsonException($"expected one of {string.Join(", ", ConfigNames.All<TEnum>())}");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ConfigNames.Of(value));
}
