namespace StampSim.Hardware;

/// <summary>Everything one evaluated mapping costs (immutable; the search keeps the best).</summary>
/// <param name="Mapping">The tiling.</param>
/// <param name="TokenTiles">Token tiles.</param>
/// <param name="OutputTiles">Output-channel tiles.</param>
/// <param name="Dram">DRAM bytes per tensor.</param>
/// <param name="Sram">Buffer bytes per role.</param>
/// <param name="Gemm">GEMM cycles.</param>
/// <param name="DramCycles">Busy cycles of the DRAM interface.</param>
/// <param name="Times">Compute and memory bounds, fill, GEMM.</param>
/// <param name="Cycles">Total cycles (by the cycle model).</param>
/// <param name="Energy">Energy, total and by component.</param>
/// <param name="Bound">What limits the layer (<see cref="Bounds"/>).</param>
internal sealed record MappingCost(Mapping Mapping, int TokenTiles, int OutputTiles, DramTraffic Dram, SramTraffic Sram, GemmTime Gemm,
    long DramCycles, StageTimes Times, long Cycles, EnergyBreakdown Energy, string Bound);
