using System.Text.Json.Serialization;

namespace StampSim.Numerics;

/// <summary>
/// A sequence transform applied along the token axis (numerics contract, stage 1), named by its config
/// spelling. What a name means (plan, golden arithmetic, cost) is its descriptor in
/// <c>StampSim.Transforms.SequenceTransformRegistry</c>, which refuses a name it does not know.
/// </summary>
/// <param name="Name">The config spelling, e.g. <c>haar</c>.</param>
[JsonConverter(typeof(SequenceTransformKindJsonConverter))]
public readonly record struct SequenceTransformKind(string Name)
{
    /// <summary>Identity.</summary>
    public static SequenceTransformKind None { get; } = new("none");

    /// <summary>1-D Haar DWT (the default).</summary>
    public static SequenceTransformKind Haar { get; } = new("haar");

    /// <summary>2-D Haar DWT over a token grid.</summary>
    public static SequenceTransformKind Haar2d { get; } = new("haar2d");

    /// <summary>Orthonormal DCT-II.</summary>
    public static SequenceTransformKind Dct { get; } = new("dct");

    /// <summary>Normalised Walsh–Hadamard transform.</summary>
    public static SequenceTransformKind Wht { get; } = new("wht");

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Serialises a <see cref="SequenceTransformKind"/> as its config name.</summary>
public sealed class SequenceTransformKindJsonConverter : JsonConverter<SequenceTransformKind>
{
    /// <inheritdoc />
    public override SequenceTransformKind Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        new(reader.GetString() ?? "");

    /// <inheritdoc />
    public override void Write(System.Text.Json.Utf8JsonWriter writer, SequenceTransformKind value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name);
}
