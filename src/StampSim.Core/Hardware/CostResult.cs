namespace StampSim.Hardware;

/// <summary>Read and write bytes of one tensor or buffer.</summary>
/// <param name="Read">Bytes read.</param>
/// <param name="Write">Bytes written.</param>
public readonly record struct Traffic(double Read, double Write)
{
    /// <summary>Read plus write.</summary>
    public double Total => Read + Write;
}

/// <summary>The cost of one layer under one numerics on one accelerator.</summary>
public sealed class CostResult
{
    /// <summary>False when no tiling fits the buffers (or the DWT block cannot fit); see <see cref="InfeasibleReason"/>.</summary>
    public required bool Feasible { get; init; }

    /// <summary>Why the design cannot run this layer.</summary>
    public string? InfeasibleReason { get; init; }

    /// <summary>Total cycles of the layer.</summary>
    public long TotalCycles { get; init; }

    /// <summary>Busy cycles of each stage and memory, in pipeline order (keys: <see cref="CostStages"/>: sequence_transform, quantizer, gemm_aBITS per token width or gemm under SCALE-Sim, gemm_fill_drain, gemm_weight_load, epilogue, inverse_transform, dram, sram.NAME).</summary>
    public IReadOnlyDictionary<string, long> CyclesByStage { get; init; } = new Dictionary<string, long>();

    /// <summary>The slowest compute unit's busy cycles.</summary>
    public long ComputeBoundCycles { get; init; }

    /// <summary>The slowest memory's busy cycles.</summary>
    public long MemoryBoundCycles { get; init; }

    /// <summary>What limits the layer's time (<see cref="Bounds"/>, or the stage name of a unit or buffer).</summary>
    public string Bound { get; init; } = "";

    /// <summary>Fraction of the MAC array's PE-cycles doing useful work over the whole layer (idle columns of narrow tiles count as idle).</summary>
    public double Utilization { get; init; }

    /// <summary>The same over the GEMM cycles only.</summary>
    public double GemmUtilization { get; init; }

    /// <summary>The tiling.</summary>
    public Mapping? Mapping { get; init; }

    /// <summary>True when the mapper searched the tiling, false when the config (or caller) gave it.</summary>
    public bool MappingSearched { get; init; }

    /// <summary>DRAM traffic per tensor (keys: input, activations, weights, bias, output, partial_sums).</summary>
    public IReadOnlyDictionary<string, Traffic> DramByTensor { get; init; } = new Dictionary<string, Traffic>();

    /// <summary>SRAM traffic per buffer.</summary>
    public IReadOnlyDictionary<string, Traffic> SramByBuffer { get; init; } = new Dictionary<string, Traffic>();

    /// <summary>Count of every action of the energy table.</summary>
    public IReadOnlyDictionary<EnergyAction, double> Actions { get; init; } = new Dictionary<EnergyAction, double>();

    /// <summary>Energy per action of the table (pJ).</summary>
    public IReadOnlyDictionary<EnergyAction, double> EnergyPerActionPj { get; init; } = new Dictionary<EnergyAction, double>();

    /// <summary>Energy by component, in <see cref="CostComponent"/> order.</summary>
    public IReadOnlyDictionary<CostComponent, double> EnergyByComponentPj { get; init; } = new Dictionary<CostComponent, double>();

    /// <summary>Total energy (pJ).</summary>
    public double EnergyPj { get; init; }

    /// <summary>Energy per multiply-accumulate of the layer (fJ).</summary>
    public double FemtojoulesPerMac { get; init; }

    /// <summary>Hash of the energy table used.</summary>
    public required string EnergyTableHash { get; init; }

    /// <summary>Wall time at the configured clock (seconds).</summary>
    public double Seconds { get; init; }

    /// <summary>DRAM bytes read.</summary>
    public double DramReadBytes => DramByTensor.Values.Sum(t => t.Read);

    /// <summary>DRAM bytes written.</summary>
    public double DramWriteBytes => DramByTensor.Values.Sum(t => t.Write);
}
