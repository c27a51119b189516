using System.Text.Json;
using System.Text.Json.Nodes;
using StampSim.Config;
using StampSim.Evaluation;
using StampSim.Numerics;

namespace StampSim.Reports.Schemas;

/// <summary>
/// The JSON form of a <see cref="LayerRecord"/>, the one per-layer schema of <c>layer --metrics</c>,
/// the replay JSON and <c>result.json</c> (documented in <c>docs/layer-record.md</c>). Every key is
/// always present; what was not evaluated (no accelerator, no baselines) is <c>null</c>.
/// </summary>
public static class LayerRecordJson
{
    /// <summary>The record's JSON text (<c>layer --metrics</c>).</summary>
    public static string Text(LayerRecord record) => JsonText.Of(Build(record));

    /// <summary>Builds the record: identity, STaMP's metrics at the top level, what ran, the effective config, cost, baselines and timing.</summary>
    public static JsonObject Build(LayerRecord record)
    {
        var o = new JsonObject
        {
            ["layer"] = record.Subject.Name,
            ["kind"] = record.Subject.Kind,
            ["block"] = record.Subject.Block,
            ["config_label"] = record.ConfigLabel,
        };
        AddRun(o, record.Stamp);
        o["shape"] = new JsonObject
        {
            ["s"] = record.Shape.Tokens, ["d"] = record.Shape.Features, ["n"] = record.Shape.Outputs, ["bias"] = record.Shape.HasBias,
        };
        o["config"] = ConfigJson.Effective(record.Config);
        var cost = record.Cost is { } c ? CostJson.Comparison(c) : null;
        o["cost"] = cost?["cost"]?.DeepClone();
        o["baselines"] = cost?["baselines"]?.DeepClone();
        o["ratios"] = cost?["ratios"]?.DeepClone();
        o["baseline_metrics"] = record.A4 is null || record.A8 is null ? null : new JsonObject
        {
            ["a4"] = Baseline(record.A4),
            ["a8"] = Baseline(record.A8),
        };
        o["timing_seconds"] = new JsonObject
        {
            ["engine"] = record.Timing.Engine,
            ["metrics"] = record.Timing.Metrics,
            ["cost"] = record.Timing.Cost,
            ["total"] = record.Timing.Total,
        };
        return o;
    }

    private static JsonObject Baseline(NumericsRun run)
    {
        var o = new JsonObject();
        AddRun(o, run);
        o["numerics"] = ConfigJson.Node(run.Numerics);
        return o;
    }

    private static void AddRun(JsonObject o, NumericsRun run)
    {
        var m = run.Metrics;
        o["sqnr_db"] = JsonNumbers.Of(m.SqnrDb);
        o["act_sqnr_db"] = JsonNumbers.Of(m.ActSqnrDb);
        o["payload_bits"] = m.PayloadBits;
        o["bits_with_metadata"] = m.BitsWithMetadata;
        o["overflow_events"] = m.OverflowEvents;
        o["overflow_events_tree"] = m.TreeOverflowEvents;
        o["overflow_events_accumulator"] = m.AccOverflowEvents;
        o["theorem1_bound"] = JsonNumbers.Of(m.Theorem1Bound);
        o["act_error_sq"] = JsonNumbers.Of(m.ActErrorSq);
        o["output_signal_energy"] = JsonNumbers.Of(m.SignalEnergy);
        o["output_error_energy"] = JsonNumbers.Of(m.ErrorEnergy);
        o["transform"] = run.Transform;
        o["levels"] = run.Levels;
        o["gemm"] = new JsonObject
        {
            ["path"] = run.FastPath ? "fast" : "ordered",
            ["kernel"] = ConfigNames.Of(run.Kernel),
        };
    }
}
