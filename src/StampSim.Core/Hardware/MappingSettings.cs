using System.Text.Json;
using System.Text.Json.Serialization;
using StampSim.Numerics;

namespace StampSim.Hardware;

/// <summary>
/// The config's <c>mapping:</c> section: how each layer's mapping is chosen. Either the search, ranked
/// by <see cref="Objective"/>, or a mapping given for every layer (<see cref="Given"/>), which is not searched.
/// </summary>
[JsonConverter(typeof(MappingSettingsJsonConverter))]
public sealed record MappingSettings
{
    /// <summary>What the search minimises; unused when <see cref="Given"/> is set.</summary>
    public MappingObjective Objective { get; init; } = MappingObjective.CyclesThenEnergy;

    /// <summary>A mapping to use for every layer instead of the search; null to search.</summary>
    public GivenMapping? Given { get; init; }
}

/// <summary>
/// Writes <see cref="MappingSettings"/> with the config's keys (<c>objective</c>, or <c>loop_order</c>,
/// <c>tile_tokens</c> and <c>tile_outputs</c>), so that an effective configuration loads back as YAML.
/// </summary>
public sealed class MappingSettingsJsonConverter : JsonConverter<MappingSettings>
{
    /// <inheritdoc />
    public override MappingSettings Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("the mapping section is read from YAML");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, MappingSettings value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Given is { } given)
        {
            writer.WriteString("loop_order", ConfigNames.Of(given.Order));
            writer.WriteNumber("tile_tokens", given.TileTokens);
            writer.WriteNumber("tile_outputs", given.TileOutputs);
        }
        else
        {
            writer.WriteString("objective", ConfigNames.Of(value.Objective));
        }
        writer.WriteEndObject();
    }
}
