using System.Text.Json;
using System.Text.Json.Nodes;
using StampSim.Config;
using StampSim.Metrics;
using StampSim.Pipeline;

namespace StampSim.Reports;

/// <summary>The JSON record of one layer run (the keys of <c>stampsim layer --metrics</c>, reused by reports).</summary>
public static class LayerJson
{
    /// <summary>Builds the record: metrics at the top level, then shape, what ran, and the effective configuration.</summary>
    public static JsonObject Build(LayerInputs inputs, LayerResult result, LayerMetrics metrics, StampConfig config)
    {
        var o = new JsonObject
        {
            ["layer"] = inputs.Name,
            ["sqnr_db"] = JsonNumbers.Of(metrics.SqnrDb),
            ["act_sqnr_db"] = JsonNumbers.Of(metrics.ActSqnrDb),
            ["payload_bits"] = metrics.PayloadBits,
            ["bits_with_metadata"] = metrics.BitsWithMetadata,
            ["overflow_events"] = metrics.OverflowEvents,
            ["overflow_events_tree"] = metrics.TreeOverflowEvents,
            ["overflow_events_accumulator"] = metrics.AccOverflowEvents,
            ["theorem1_bound"] = JsonNumbers.Of(metrics.Theorem1Bound),
            ["act_error_sq"] = JsonNumbers.Of(metrics.ActErrorSq),
            ["output_signal_energy"] = JsonNumbers.Of(metrics.SignalEnergy),
            ["output_error_energy"] = JsonNumbers.Of(metrics.ErrorEnergy),
            ["shape"] = new JsonObject { ["s"] = inputs.Tokens, ["d"] = inputs.Features, ["n"] = inputs.Outputs },
            ["transform"] = result.Transform.Description,
            ["levels"] = result.Transform.Levels,
            ["gemm"] = new JsonObject
            {
                ["path"] = result.Gemm.FastPath ? "fast" : "ordered",
                ["kernel"] = ConfigNames.Of(result.Gemm.Kernel),
            },
            ["config"] = EffectiveConfig(config),
        };
        return o;
    }

    /// <summary>The effective configuration (every key, defaults included) as JSON that loads back as YAML.</summary>
    public static JsonObject EffectiveConfig(StampConfig config)
    {
        var root = JsonSerializer.SerializeToNode(config, ConfigJson.Options)!.AsObject();
        if (config.Accelerator is { } accelerator)
            foreach (var (key, value) in JsonSerializer.SerializeToNode(accelerator, ConfigJson.Options)!.AsObject().ToList())
                root[key] = value?.DeepClone();
        return root;
    }
}
