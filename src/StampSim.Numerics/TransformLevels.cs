using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StampSim.Numerics;

/// <summary>
/// The <c>levels</c> key: a number of Haar levels, or <c>auto</c> (the default), which each transform
/// resolves from the sequence length and <c>hi_tokens</c>.
/// </summary>
/// <param name="Count">The levels; null for <c>auto</c>.</param>
[JsonConverter(typeof(TransformLevelsJsonConverter))]
public readonly record struct TransformLevels(int? Count)
{
    /// <summary>How <c>auto</c> is spelled in text and JSON.</summary>
    internal const string AutoName = "auto";

    /// <summary><c>auto</c>: the transform chooses.</summary>
    public static TransformLevels Auto => default;

    /// <summary>True for <c>auto</c>.</summary>
    public bool IsAuto => Count is null;

    /// <summary>A fixed number of levels.</summary>
    public static implicit operator TransformLevels(int count) => new(count);

    /// <summary>The config spelling: the number, or <c>auto</c>.</summary>
    public override string ToString() => Count?.ToString(CultureInfo.InvariantCulture) ?? AutoName;
}

/// <summary>Writes <see cref="TransformLevels"/> as its number, or the word <c>auto</c>.</summary>
public sealed class TransformLevelsJsonConverter : JsonConverter<TransformLevels>
{
    /// <inheritdoc />
    public override TransformLevels Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() == TransformLevels.AutoName ? TransformLevels.Auto : reader.GetInt32();

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TransformLevels value, JsonSerializerOptions options)
    {
        if (value.Count is int v) writer.WriteNumberValue(v); else writer.WriteStringValue(TransformLevels.AutoName);
    }
}
