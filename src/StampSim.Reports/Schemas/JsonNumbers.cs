using System.Text.Json.Nodes;

namespace StampSim.Reports.Schemas;

/// <summary>JSON for floating-point results: non-finite values become the strings <c>"inf"</c>, <c>"-inf"</c> and <c>"nan"</c>.</summary>
public static class JsonNumbers
{
    /// <summary>A JSON number, or a string for non-finite values.</summary>
    public static JsonNode Of(double v) =>
        double.IsFinite(v) ? JsonValue.Create(v) : JsonValue.Create(double.IsNaN(v) ? "nan" : v > 0 ? "inf" : "-inf");
}
