using StampSim.Pipeline;

namespace StampSim.Evaluation;

/// <summary>A layer record and the golden STaMP output behind it.</summary>
/// <param name="Record">The record.</param>
/// <param name="Output">The STaMP layer's golden result when the engine ran in this evaluation; null when it was shared from a <see cref="NumericsCache"/>.</param>
public sealed record LayerEvaluation(LayerRecord Record, LayerResult? Output);
