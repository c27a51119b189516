using System.Text.Json.Nodes;
using StampSim.Config;
using StampSim.Evaluation;
using StampSim.Traces;

namespace StampSim.Reports.Schemas;

/// <summary>The document of <c>stampsim replay --json</c>: the trace, the config and one layer record per replayed layer.</summary>
public static class ReplayJson
{
    /// <summary>The document's JSON text (<c>replay --json</c>).</summary>
    public static string Text(TraceFile trace, StampConfig config, IReadOnlyList<LayerRecord> records) => JsonText.Of(Build(trace, config, records));

    /// <summary>Builds the document.</summary>
    public static JsonObject Build(TraceFile trace, StampConfig config, IReadOnlyList<LayerRecord> records) => new()
    {
        ["trace"] = trace.Path,
        ["model"] = trace.Manifest.Model,
        ["config"] = ConfigJson.Effective(config),
        ["layers"] = new JsonArray(records.Select(r => (JsonNode)LayerRecordJson.Build(r)).ToArray()),
    };
}
