using StampSim.Hardware;

namespace StampSim.Evaluation;

/// <summary>A layer's cost on a config (<see cref="LayerEvaluator.Cost"/>) computed ahead of its evaluation, and the time it took.</summary>
/// <param name="Cost">The cost; null when the config describes no accelerator.</param>
/// <param name="Seconds">Wall time of computing it.</param>
public sealed record TimedCost(CostComparison? Cost, double Seconds);
