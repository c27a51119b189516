namespace StampSim.Sweeps;

/// <summary>A metric the Pareto front optimises.</summary>
/// <param name="Name">Column name in points.csv.</param>
/// <param name="Maximize">True for metrics where larger is better (SQNR).</param>
public sealed record SweepObjective(string Name, bool Maximize)
{
    /// <summary>Objectives a spec may name, by their spec spelling.</summary>
    public static readonly IReadOnlyDictionary<string, SweepObjective> Known = new Dictionary<string, SweepObjective>
    {
        ["energy"] = new("energy_pj", false),
        ["cycles"] = new("cycles", false),
        ["dram_bytes"] = new("dram_bytes", false),
        ["sqnr"] = new("sqnr_db", true),
        ["payload_bits"] = new("payload_bits", false),
    };

    /// <summary>The default: energy, latency and error.</summary>
    public static readonly IReadOnlyList<string> Defaults = ["energy", "cycles", "sqnr"];
}
