using StampSim.Traces;

namespace StampSim.Reports.Analysis;

/// <summary>The close look at the focus layer: energy compaction under each config's transform, and the sequence autocorrelation.</summary>
/// <param name="Choice">The layer and why.</param>
/// <param name="Compaction">Energy compaction by config label.</param>
/// <param name="Autocorrelation">Token-token correlation of the layer's activations.</param>
public sealed record FocusAnalysis(FocusChoice Choice, IReadOnlyDictionary<string, EnergyCompaction> Compaction, SequenceAutocorrelation Autocorrelation);
