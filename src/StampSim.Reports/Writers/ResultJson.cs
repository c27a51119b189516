using System.Text.Json.Nodes;
using StampSim.Numerics;
using StampSim.Reports.Analysis;
using StampSim.Reports.Run;
using StampSim.Reports.Schemas;
using StampSim.Hardware;

namespace StampSim.Reports.Writers;

/// <summary>
/// <c>result.json</c>: everything a run computed. Each entry of <c>layers</c> (one per layer x config) is
/// a layer record (<see cref="LayerRecordJson"/>, the schema of <c>stampsim layer --metrics</c> and the
/// replay JSON), with both baselines' golden metrics under <c>baseline_metrics</c>.
/// </summary>
public static class ResultJson
{
    /// <summary>Format name written under <c>format</c>.</summary>
    public const string Format = "stampsim-report-result";

    /// <summary>Builds the document.</summary>
    public static JsonObject Build(RunResult run) => new()
    {
        ["format"] = Format,
        ["format_version"] = 1,
        ["trace"] = SourceJson.Trace(run.Trace),
        ["configs"] = new JsonArray(run.Configs.Select(c =>
        {
            var o = SourceJson.Config(c);
            o["effective"] = c.EffectiveJson();
            return (JsonNode)o;
        }).ToArray()),
        ["totals"] = Totals(run),
        ["layers"] = new JsonArray(run.Layers.SelectMany(l => l.Configs.Select(c => (JsonNode)Layer(c))).ToArray()),
        ["focus"] = Focus(run.Focus),
        ["roofline"] = new JsonObject(run.Rooflines.Select(r => KeyValuePair.Create(r.Label, (JsonNode?)Roofline(r)))),
        ["numerics_runs"] = run.NumericsRuns,
        ["model_level"] = run.ModelLevel is { } m ? Schemas.ModelJson.Build(m) : null,
    };

    private static JsonObject Layer(ConfigOutcome outcome) => LayerRecordJson.Build(outcome.Record);

    private static JsonObject Totals(RunResult run)
    {
        var o = new JsonObject();
        foreach (var t in run.Totals)
        {
            var c = new JsonObject { ["complete"] = t.Complete };
            foreach (var v in Variants.All) c[v.Key()] = OfVariant(t.ByVariant[v]);
            c["ratios"] = new JsonObject
            {
                ["cycles"] = RatioPair(t, x => x.Cycles),
                ["dram_bytes"] = RatioPair(t, x => x.DramBytes),
                ["energy"] = RatioPair(t, x => x.EnergyPj),
            };
            c["sqnr_db_differences"] = new JsonObject
            {
                ["stamp_minus_a4"] = JsonNumbers.Of(t.Stamp.SqnrDbMean - t.ByVariant[Variant.A4].SqnrDbMean),
                ["stamp_minus_a8"] = JsonNumbers.Of(t.Stamp.SqnrDbMean - t.ByVariant[Variant.A8].SqnrDbMean),
            };
            o[t.Label] = c;
        }
        return o;
    }

    private static JsonObject OfVariant(VariantTotals t) => new()
    {
        ["cycles"] = t.Cycles,
        ["seconds"] = t.Seconds,
        ["dram_read_bytes"] = t.DramReadBytes,
        ["dram_write_bytes"] = t.DramWriteBytes,
        ["dram_bytes"] = t.DramBytes,
        ["energy_pj"] = t.EnergyPj,
        ["energy_pj_by_component"] = new JsonObject(t.EnergyByComponentPj.Select(p => KeyValuePair.Create(ConfigNames.Of(p.Key), (JsonNode?)p.Value))),
        ["macs"] = t.Macs,
        ["fj_per_mac"] = JsonNumbers.Of(t.FemtojoulesPerMac),
        ["sqnr_db_mean"] = JsonNumbers.Of(t.SqnrDbMean),
        ["sqnr_db_pooled"] = JsonNumbers.Of(t.SqnrDbPooled),
        ["payload_bits"] = JsonNumbers.Of(t.PayloadBits),
        ["infeasible_layers"] = t.InfeasibleLayers,
    };

    private static JsonObject RatioPair(ConfigTotals t, Func<VariantTotals, double> metric) => new()
    {
        ["stamp_vs_a4"] = JsonNumbers.Of(t.Ratio(metric, Variant.A4)),
        ["stamp_vs_a8"] = JsonNumbers.Of(t.Ratio(metric, Variant.A8)),
    };

    private static JsonObject Focus(FocusAnalysis f) => new()
    {
        ["layer"] = f.Choice.Layer.Name,
        ["reason"] = f.Choice.Reason,
        ["energy_compaction"] = new JsonObject(f.Compaction.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)new JsonObject
        {
            ["transform"] = p.Value.Transform,
            ["hi_tokens"] = p.Value.HiTokens,
            ["hi_share_before"] = JsonNumbers.Of(p.Value.HiShareBefore),
            ["hi_share_after"] = JsonNumbers.Of(p.Value.HiShareAfter),
            ["cumulative_share_before"] = Numbers(p.Value.Before),
            ["cumulative_share_after"] = Numbers(p.Value.After),
        }))),
        ["autocorrelation_tokens"] = f.Autocorrelation.Tokens,
        ["autocorrelation_by_lag"] = Numbers(f.Autocorrelation.ByLag()),
    };

    private static JsonObject Roofline(Roofline r) => new()
    {
        ["peak_macs_per_cycle_low_bits"] = r.PeakLowBits,
        ["peak_macs_per_cycle_8bit_tokens"] = r.PeakEightBits,
        ["dram_bytes_per_cycle"] = r.DramBytesPerCycle,
        ["ridge_macs_per_byte"] = r.RidgeIntensity,
    };

    private static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(v => (JsonNode?)JsonNumbers.Of(v)).ToArray());
}
