using System.Text.Json.Nodes;
using StampSim.Config;

namespace StampSim.Reports.Schemas;

/// <summary>How every JSON document StampSim writes is serialised: the config serialiser's options, indented, one trailing newline.</summary>
public static class JsonText
{
    /// <summary>The text of <paramref name="document"/>.</summary>
    public static string Of(JsonNode document) => document.ToJsonString(ConfigJson.Options) + "\n";
}
