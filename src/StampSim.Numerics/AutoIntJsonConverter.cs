using System.Text.Json;
using System.Text.Json.Serialization;

namespace StampSim.Numerics;

/// <summary>Writes a nullable integer as the word <c>auto</c> when null.</summary>
public sealed class AutoIntJsonConverter : JsonConverter<int?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() == "auto" ? null : reader.GetInt32();

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is int v) writer.WriteNumberValue(v); else writer.WriteStringValue("auto");
    }
}
