using System.Text.Json.Nodes;
using StampSim.Numerics;
using StampSim.Traces;

namespace StampSim.Reports.Schemas;

/// <summary>The document of <c>stampsim trace info --json</c>.</summary>
public static class TraceInfoJson
{
    /// <summary>The document's JSON text (<c>trace info --json</c>).</summary>
    public static string Text(TraceFile trace, IReadOnlyList<LayerStatistics> layers) => JsonText.Of(Build(trace, layers));

    /// <summary>Builds the document: the file, its manifest and tensors, and per layer its shape and activation statistics.</summary>
    public static JsonObject Build(TraceFile trace, IReadOnlyList<LayerStatistics> layers) => new()
    {
        ["file"] = trace.Path,
        ["format"] = ConfigNames.Of(trace.Format),
        ["file_bytes"] = trace.FileBytes,
        ["manifest"] = JsonNode.Parse(trace.ManifestJson),
        ["tensors"] = new JsonArray(trace.Tensors.Select(t => (JsonNode)new JsonObject
        {
            ["key"] = t.Key,
            ["dtype"] = t.DType,
            ["shape"] = new JsonArray(t.Shape.Select(v => (JsonNode)v).ToArray()),
            ["bytes"] = t.Bytes,
        }).ToArray()),
        ["layers"] = new JsonArray(layers.Select(l => (JsonNode)new JsonObject
        {
            ["name"] = l.Layer.Name,
            ["kind"] = l.Layer.Kind,
            ["block"] = l.Layer.Block,
            ["s"] = l.Activation.Shape[0],
            ["d"] = l.Activation.Shape[1],
            ["n"] = l.Weight?.Shape[0],
            ["stats"] = Stats(l.Statistics),
        }).ToArray()),
    };

    private static JsonObject Stats(ActivationStatistics s) => new()
    {
        ["max_abs"] = s.MaxAbs,
        ["max_abs_token"] = s.MaxAbsToken,
        ["max_abs_channel"] = s.MaxAbsChannel,
        ["median_channel_max"] = s.MedianChannelMax,
        ["outlier_factor"] = s.OutlierFactor,
        ["outlier_channels"] = new JsonArray(s.OutlierChannels.Select(c => (JsonNode)c).ToArray()),
        ["first_tokens"] = s.Compaction.HiTokens,
        ["energy_first_before"] = JsonNumbers.Of(s.Compaction.HiShareBefore),
        ["energy_first_after"] = JsonNumbers.Of(s.Compaction.HiShareAfter),
        ["transform"] = s.Compaction.Transform,
        ["lag1_autocorrelation"] = JsonNumbers.Of(s.Lag1Autocorrelation),
    };
}
