namespace StampSim.Sweeps;

/// <summary>A metric the Pareto front optimises.</summary>
/// <param name="Name">Column name in points.csv.</param>
/// <param name="Maximize">True for metrics where larger is better (SQNR).</param>
public sealed record SweepObjective(string Name, bool Maximize)
{
    /// <summary>Objectives a layer sweep (a trace's layers) may name, by their spec spelling.</summary>
    public static readonly IReadOnlyDictionary<string, SweepObjective> Known = new Dictionary<string, SweepObjective>
    {
        ["energy"] = new("energy_pj", false),
        ["cycles"] = new("cycles", false),
        ["dram_bytes"] = new("dram_bytes", false),
        ["sqnr"] = new("sqnr_db", true),
        ["payload_bits"] = new("payload_bits", false),
    };

    /// <summary>Objectives a model sweep may name; <c>energy_per_token</c> is decode energy per generated token.</summary>
    public static readonly IReadOnlyDictionary<string, SweepObjective> KnownForModel = new Dictionary<string, SweepObjective>
    {
        ["ttft"] = new("ttft_s", false),
        ["tpot"] = new("tpot_s", false),
        ["energy_per_token"] = new("decode_energy_per_token_j", false),
        ["prefill_energy_per_token"] = new("prefill_energy_per_token_j", false),
        ["dram_bytes"] = new("dram_bytes", false),
        ["sqnr"] = new("sqnr_db", true),
    };

    /// <summary>The default: energy, latency and error.</summary>
    public static readonly IReadOnlyList<string> Defaults = ["energy", "cycles", "sqnr"];

    /// <summary>The objectives a workload may name: a model sweep's, with <c>sqnr</c> only when a trace gives it.</summary>
    public static IReadOnlyDictionary<string, SweepObjective> For(bool model, bool trace) =>
        !model ? Known : KnownForModel.Where(o => trace || o.Key != "sqnr").ToDictionary(o => o.Key, o => o.Value);

    /// <summary>The default objectives of a workload: a model sweep's are TTFT and decode energy per token (and SQNR with a trace).</summary>
    public static IReadOnlyList<string> DefaultsFor(bool model, bool trace) =>
        !model ? Defaults : trace ? ["ttft", "energy_per_token", "sqnr"] : ["ttft", "energy_per_token"];
}
