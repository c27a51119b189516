using System.Text.Json.Nodes;
using StampSim.Config;
using StampSim.ModelCost;
using StampSim.Numerics;
using StampSim.Reports.Model;
using StampSim.Hardware;

namespace StampSim.Reports.Schemas;

/// <summary>
/// The document of <c>stampsim model --json</c> and the model report's <c>result.json</c>: per config,
/// the variants <c>stamp</c>, <c>a4</c>, <c>a8</c> with TTFT, TPOT, tokens/s, energy, energy per image (ViT, DiT),
/// DRAM bytes and the DRAM footprint, and a <c>prefill</c> and a <c>decode</c> object each (MACs as exact integers,
/// seconds, energy, energy per token of the phase, DRAM bytes, and the breakdown by operator class). An infeasible
/// variant has null times, rates and energies. Documented in docs/model-cost.md.
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
        ["format_version"] = 2,
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
        ["tokens"] = a.Tokens, ["text_tokens"] = a.TextTokens, ["head_dim"] = a.HeadDim,
        ["sliding_window"] = a.SlidingWindow > 0 ? a.SlidingWindow : null, ["windowed_layers"] = a.WindowedLayers,
        ["max_position_embeddings"] = a.MaxPositions > 0 ? a.MaxPositions : null, ["tied_embeddings"] = a.TiedEmbeddings,
        ["moe"] = a.Moe is { } m
            ? new JsonObject
            {
                ["experts"] = m.Experts, ["experts_per_token"] = m.TopK, ["expert_intermediate"] = m.ExpertIntermediate,
                ["shared_intermediate"] = m.SharedIntermediate, ["shared_gate"] = m.SharedGate, ["moe_layers"] = m.MoeLayers,
            }
            : null,
        ["source"] = a.Source,
    };

    private static JsonObject Config(ModelConfigResult c)
    {
        var o = new JsonObject
        {
            ["source"] = c.Config.Source,
            ["model_policy"] = ConfigJson.Node(c.Config.Config.Model),
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
        ["energy_per_image_j"] = v.EnergyPerImageJ,
        ["dram_bytes"] = v.DramBytes,
        ["dram_footprint"] = new JsonObject
        {
            ["weights_bytes"] = v.Footprint.WeightBytes, ["kv_cache_bytes"] = v.Footprint.KvCacheBytes,
            ["activations_bytes"] = v.Footprint.ActivationBytes, ["total_bytes"] = v.Footprint.TotalBytes,
        },
        ["prefill"] = Phase(v.Prefill, v.Infeasible is null, v.PrefillEnergyPerTokenJ),
        ["decode"] = v.Decode is { } d ? Phase(d, v.Infeasible is null, v.DecodeEnergyPerTokenJ) : null,
    };

    private static JsonObject Phase(PhaseCost p, bool feasible, double? energyPerToken) => new()
    {
        ["macs"] = new JsonObject { ["linear"] = p.Macs.Linear, ["attention"] = p.Macs.Attention, ["lm_head"] = p.Macs.LmHead },
        ["seconds"] = feasible ? p.Seconds : null,
        ["energy_j"] = feasible ? p.EnergyJ : null,
        ["energy_per_token_j"] = energyPerToken,
        ["energy_by_component_j"] = feasible ? new JsonObject(p.EnergyByComponentJ.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))) : null,
        ["dram_bytes"] = feasible ? p.DramBytes : null,
        ["by_class"] = feasible
            ? new JsonObject(p.ByClass.Select(c => KeyValuePair.Create(ConfigNames.Of(c.Key), (JsonNode?)new JsonObject
            {
                ["seconds"] = c.Value.Seconds, ["energy_j"] = c.Value.EnergyJ, ["dram_bytes"] = c.Value.DramBytes,
                ["bound"] = c.Value.Bound, ["utilization"] = c.Value.Utilization,
            })))
            : null,
    };
}
