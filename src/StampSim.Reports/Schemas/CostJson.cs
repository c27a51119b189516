using System.Text.Json.Nodes;
using StampSim.Config;
using StampSim.Hardware;
using StampSim.Numerics;

namespace StampSim.Reports.Schemas;

/// <summary>The stable JSON keys of cost results (<c>cost.cycles.total</c>, <c>cost.dram.by_tensor</c>, ...).</summary>
public static class CostJson
{
    /// <summary>The document's JSON text (<c>cost --json</c>).</summary>
    public static string Text(LayerShape shape, CostComparison comparison, StampConfig config) => JsonText.Of(Document(shape, comparison, config));

    /// <summary>One result.</summary>
    public static JsonObject Build(CostResult r)
    {
        var o = new JsonObject
        {
            ["feasible"] = r.Feasible,
            ["energy_table_hash"] = r.EnergyTableHash,
        };
        if (!r.Feasible)
        {
            o["infeasible_reason"] = r.InfeasibleReason;
            return o;
        }
        o["cycles"] = new JsonObject
        {
            ["total"] = r.TotalCycles,
            ["by_stage"] = Map(r.CyclesByStage, k => k, v => JsonValue.Create(v)),
            ["compute_bound"] = r.ComputeBoundCycles,
            ["memory_bound"] = r.MemoryBoundCycles,
        };
        o["seconds"] = r.Seconds;
        o["bound"] = r.Bound;
        o["utilization"] = r.Utilization;
        o["gemm_utilization"] = r.GemmUtilization;
        o["mapping"] = new JsonObject
        {
            ["loop_order"] = ConfigNames.Of(r.Mapping!.Order),
            ["tile_tokens"] = r.Mapping.TileTokens,
            ["tile_outputs"] = r.Mapping.TileOutputs,
            ["tile_features"] = r.Mapping.TileFeatures,
            ["dwt_feature_tile"] = r.Mapping.DwtFeatureTile,
            ["searched"] = r.MappingSearched,
        };
        o["dram"] = new JsonObject
        {
            ["read_bytes"] = r.DramReadBytes,
            ["write_bytes"] = r.DramWriteBytes,
            ["by_tensor"] = Map(r.DramByTensor, k => k, TrafficNode),
        };
        o["sram"] = Map(r.SramByBuffer, k => k, TrafficNode);
        o["actions"] = Map(r.Actions, a => a.Name, v => JsonValue.Create(v));
        o["energy_per_action_pj"] = Map(r.EnergyPerActionPj, a => a.Name, v => JsonValue.Create(v));
        o["energy_pj"] = new JsonObject
        {
            ["total"] = r.EnergyPj,
            ["by_component"] = Map(r.EnergyByComponentPj, ConfigNames.Of, v => JsonValue.Create(v)),
        };
        o["fj_per_mac"] = r.FemtojoulesPerMac;
        return o;
    }

    /// <summary>The document of <c>stampsim cost --json</c>: the shape, the comparison and the effective config.</summary>
    public static JsonObject Document(LayerShape shape, CostComparison comparison, StampConfig config)
    {
        var o = new JsonObject
        {
            ["shape"] = new JsonObject { ["s"] = shape.Tokens, ["d"] = shape.Features, ["n"] = shape.Outputs, ["bias"] = shape.HasBias },
        };
        foreach (var (key, value) in Comparison(comparison).ToList()) o[key] = value?.DeepClone();
        o["config"] = ConfigJson.Effective(config);
        return o;
    }

    /// <summary>STaMP under <c>cost</c>, the baselines under <c>baselines.a4</c>/<c>baselines.a8</c>, and <c>ratios</c> (null unless all three are feasible); report order throughout.</summary>
    public static JsonObject Comparison(CostComparison c) => new()
    {
        ["cost"] = Build(c.Stamp),
        ["baselines"] = new JsonObject(Baselines.Select(v => KeyValuePair.Create(v.Key(), (JsonNode?)Build(c.Of(v))))),
        ["ratios"] = c.All.All(x => x.Result.Feasible)
            ? new JsonObject
            {
                ["cycles"] = Ratios(c, r => r.TotalCycles),
                ["dram_bytes"] = Ratios(c, r => r.DramReadBytes + r.DramWriteBytes),
                ["energy"] = Ratios(c, r => r.EnergyPj),
            }
            : null,
    };

    private static IEnumerable<Variant> Baselines => Variants.All.Where(v => v != Variant.Stamp);

    private static JsonObject Ratios(CostComparison c, Func<CostResult, double> metric) =>
        new(Baselines.Select(v => KeyValuePair.Create($"stamp_vs_{v.Key()}", (JsonNode?)(metric(c.Stamp) / metric(c.Of(v))))));

    private static JsonObject TrafficNode(Traffic t) => new() { ["read_bytes"] = t.Read, ["write_bytes"] = t.Write };

    private static JsonObject Map<TKey, T>(IReadOnlyDictionary<TKey, T> values, Func<TKey, string> key, Func<T, JsonNode?> node)
    {
        var o = new JsonObject();
        foreach (var (k, v) in values) o[key(k)] = node(v);
        return o;
    }
}
