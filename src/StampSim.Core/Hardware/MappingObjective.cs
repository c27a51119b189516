namespace StampSim.Hardware;

/// <summary>
/// What the mapping search minimises (<c>mapping.objective</c>). Every objective breaks its remaining
/// ties by the other figures and then by DRAM bytes, so that of two mappings equal in what is asked
/// for, the one that moves less data off chip wins; a full tie keeps the first mapping enumerated.
/// </summary>
public enum MappingObjective
{
    /// <summary>Fewest cycles; among those, the least energy, then the fewest DRAM bytes (the default).</summary>
    CyclesThenEnergy,
    /// <summary>Least energy; among those, the fewest cycles, then the fewest DRAM bytes.</summary>
    EnergyThenCycles,
    /// <summary>Smallest energy-delay product (cycles x energy); then the fewest cycles, the least energy, the fewest DRAM bytes.</summary>
    Edp,
}
