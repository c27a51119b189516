using System.Text;
using StampSim.Evaluation;
using StampSim.Hardware;
using StampSim.Numerics;
using StampSim.Reports.Run;

namespace StampSim.Reports.Writers;

/// <summary>
/// <c>layers.csv</c>: one row per layer x config x numerics (<c>stamp</c>, <c>a4</c>, <c>a8</c>) with
/// snake_case columns (one GEMM column per token width in the run). Cost columns are empty when the design cannot run the layer
/// (<c>feasible</c> false, <c>infeasible_reason</c> says why).
/// </summary>
public static class LayersCsv
{
    /// <summary>Energy components, each with a column.</summary>
    public static readonly IReadOnlyList<CostComponent> Components = Enum.GetValues<CostComponent>();

    /// <summary>
    /// Stages whose busy cycles get a column: the compute stages any row reports (the GEMM by token width,
    /// <c>gemm_a8</c>, <c>gemm_a4</c>, ...) and DRAM (the buffers are summarised by <c>memory_bound_cycles</c>).
    /// </summary>
    public static IReadOnlyList<string> Stages(RunResult run) =>
        [.. CostStages.Compute(run.Layers.SelectMany(l => l.Configs).SelectMany(o => o.Cost.All.Select(x => x.Result))), CostStages.Dram];

    /// <summary>The column names of <paramref name="run"/>'s file, in order.</summary>
    public static IReadOnlyList<string> Columns(RunResult run) =>
    [
        "layer", "kind", "block", "config", "numerics", "s", "d", "n", "macs", "transform", "hi_tokens", "hi_bits", "lo_bits",
        "sqnr_db", "act_sqnr_db", "payload_bits", "bits_with_metadata", "overflow_events",
        "feasible", "cycles", .. Stages(run).Select(s => $"cycles_{s}"), "compute_bound_cycles", "memory_bound_cycles", "utilization", "seconds",
        "dram_read_bytes", "dram_write_bytes", "dram_bytes", "energy_pj", .. Components.Select(c => $"energy_{ConfigNames.Of(c)}_pj"), "fj_per_mac",
        "energy_table_hash", "infeasible_reason",
    ];

    /// <summary>The whole file.</summary>
    public static string Build(RunResult run)
    {
        var columns = Columns(run);
        var stages = Stages(run);
        var sb = new StringBuilder(CsvText.Line(columns));
        foreach (var layer in run.Layers)
            foreach (var outcome in layer.Configs)
                foreach (var v in Variants.All)
                    sb.Append(CsvText.Line(Row(layer, outcome, v, stages, columns.Count)));
        return sb.ToString();
    }

    private static IEnumerable<string> Row(LayerOutcome layer, ConfigOutcome outcome, Variant v, IReadOnlyList<string> stages, int columns)
    {
        var r = outcome.Result(v);
        var m = r.Metrics;
        var cost = outcome.CostOf(v);
        var shape = layer.Shape;
        string[] head =
        [
            layer.Layer.Name, layer.Layer.Kind, layer.Layer.Block?.ToString() ?? "", outcome.Config.Label, v.Key(),
            shape.Tokens.ToString(), shape.Features.ToString(), shape.Outputs.ToString(), shape.Macs.ToString(), r.Transform,
            r.HiTokens.ToString(), r.Numerics.HiBits.ToString(), r.Numerics.LoBits.ToString(),
            CsvText.Number(m.SqnrDb), CsvText.Number(m.ActSqnrDb), CsvText.Number(m.PayloadBits), CsvText.Number(m.BitsWithMetadata),
            m.OverflowEvents.ToString(), cost.Feasible ? "true" : "false",
        ];
        return head.Concat(cost.Feasible ? CostCells(cost, stages) : Enumerable.Repeat("", columns - head.Length - 2))
            .Append(cost.EnergyTableHash).Append(cost.InfeasibleReason ?? "");
    }

    private static IEnumerable<string> CostCells(CostResult c, IReadOnlyList<string> stages) =>
    [
        c.TotalCycles.ToString(), .. stages.Select(s => c.CyclesByStage.GetValueOrDefault(s).ToString()),
        c.ComputeBoundCycles.ToString(), c.MemoryBoundCycles.ToString(), CsvText.Number(c.Utilization), CsvText.Number(c.Seconds),
        CsvText.Number(c.DramReadBytes), CsvText.Number(c.DramWriteBytes), CsvText.Number(c.DramReadBytes + c.DramWriteBytes),
        CsvText.Number(c.EnergyPj), .. Components.Select(k => CsvText.Number(c.EnergyByComponentPj.GetValueOrDefault(k))),
        CsvText.Number(c.FemtojoulesPerMac),
    ];
}
