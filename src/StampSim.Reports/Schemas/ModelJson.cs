using System.Text.Json.Nodes;
using StampSim.Config;
using StampSim.Inference;
using StampSim.Numerics;
using StampSim.Reports.Model;
using StampSim.Hardware;

namespace StampSim.Reports.Schemas;

/// <summary>
/// The document of <c>stampsim model --json</c> and the model report's <c>result.json</c>: per config,
/// the variants <c>stamp</c>, <c>a4</c>, <c>a8</c> with TTFT, TPOT, tokens/s, energy, energy per token and
/// DRAM bytes, and a <c>prefill</c> and a <c>decode</c> object each (MACs as exact integers, seconds,
/// energy, DRAM bytes, and the breakdown by operator class). Documented in docs/model-cost.md.
/// </summary>
public static class ModelJson
{
    /// <summary>The document's JSON text (<c>model --json</c>).</summary>
    public static string Text(ModelResult r) => JsonText.Of(Build(r));

    /// <summary>Format name written under <c>format</c>.</summary>
    public const string Format = "stampsim-model-result";

    /// <summary>Builds the document.</summary>
    public static JsonObject Build(ModelResult r) => new()
    {
        ["format"] = Format,
        ["format_version"] = 1,
        ["model"] = Architecture(r.Architecture),
        ["request"] = new JsonObject
        {
            ["prompt"] = r.Request.Prompt, ["decode"] = r.Request.Decode, ["batch"] = r.Request.Batch,
            ["steps"] = r.Request.Steps, ["logits_all"] = r.Request.LogitsAll,
        },
        ["configs"] = new JsonObject(r.Configs.Select(c => KeyValuePair.Create(c.Config.Label, (JsonNode?)Config(c)))),
        ["accuracy"] = r.Accuracy is { } a
            ? new JsonObject
            {
                ["trace"] = a.Trace,
                ["layers"] = a.Layers,
                ["sqnr_db_pooled"] = new JsonObject(Variants.All.Select(v => KeyValuePair.Create(v.Key(), (JsonNode?)JsonNumbers.Of(a.SqnrDb[v])))),
                ["sqnr_db_mean"] = new JsonObject(Variants.All.Select(v => KeyValuePair.Create(v.Key(), (JsonNode?)JsonNumbers.Of(a.MeanSqnrDb[v])))),
            }
            : "accuracy not evaluated (no trace)",
    };

    private static JsonObject Architecture(ModelArchitecture a) => new()
    {
        ["name"] = a.Name, ["family"] = a.Family.Name, ["hidden"] = a.Hidden, ["intermediate"] = a.Intermediate,
        ["layers"] = a.Layers, ["heads"] = a.Heads, ["kv_heads"] = a.KvHeads, ["vocab"] = a.Vocab, ["qkv_bias"] = a.QkvBias,
        ["tokens"] = a.Tokens, ["text_tokens"] = a.TextTokens, ["source"] = a.Source,
    };

    private static JsonObject Config(ModelConfigResult c)
    {
        var o = new JsonObject
        {
            ["source"] = c.Config.Source,
            ["model_policy"] = System.Text.Json.JsonSerializer.SerializeToNode(c.Config.Config.Model, ConfigJson.Options),
            ["variants"] = VariantsOf(c.Variants),
        };
        if (c.Sweep.Count > 0)
            o["prompt_sweep"] = new JsonArray(c.Sweep.Select(s => (JsonNode)new JsonObject { ["prompt"] = s.Prompt, ["variants"] = VariantsOf(s.Variants) }).ToArray());
        return o;
    }

    private static JsonObject VariantsOf(IReadOnlyList<VariantCost> variants) =>
        new(variants.Select(v => KeyValuePair.Create(v.Variant.Key(), (JsonNode?)Variant(v))));

    private static JsonObject Variant(VariantCost v) => new()
    {
        ["feasible"] = v.Infeasible is null,
        ["infeasible_reason"] = v.Infeasible,
        ["prefill_numerics"] = v.PrefillNumerics,
        ["decode_numerics"] = v.DecodeNumerics,
        ["ttft_s"] = v.TtftSeconds,
        ["tpot_s"] = v.TpotSeconds,
        ["tokens_per_s"] = v.TokensPerSecond,
        ["energy_j"] = v.EnergyJ,
        ["energy_per_token_j"] = v.EnergyPerTokenJ,
        ["dram_bytes"] = v.DramBytes,
        ["prefill"] = Phase(v.Prefill),
        ["decode"] = v.Decode is { } d ? Phase(d) : null,
    };

    private static JsonObject Phase(PhaseCost p) => new()
    {
        ["macs"] = new JsonObject { ["linear"] = p.Macs.Linear, ["attention"] = p.Macs.Attention, ["lm_head"] = p.Macs.LmHead },
        ["seconds"] = p.Seconds,
        ["energy_j"] = p.EnergyJ,
        ["dram_bytes"] = p.DramBytes,
        ["by_class"] = new JsonObject(p.ByClass.Select(c => KeyValuePair.Create(ConfigNames.Of(c.Key), (JsonNode?)new JsonObject
        {
            ["seconds"] = c.Value.Seconds, ["energy_j"] = c.Value.EnergyJ, ["dram_bytes"] = c.Value.DramBytes,
            ["bound"] = c.Value.Bound, ["utilization"] = c.Value.Utilization,
        }))),
    };
}
