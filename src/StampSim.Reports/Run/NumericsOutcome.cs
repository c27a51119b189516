using System.Text.Json.Nodes;
using StampSim.Config;
using StampSim.Metrics;

namespace StampSim.Reports.Run;

/// <summary>The golden numerics of one layer under one variant's numerics.</summary>
/// <param name="Numerics">The numerics that ran.</param>
/// <param name="Transform">The sequence transform, levels resolved (e.g. <c>haar(levels=3)</c>).</param>
/// <param name="Metrics">The contract's error metrics.</param>
/// <param name="Json">The record <c>stampsim layer --metrics</c> writes for this layer and config.</param>
public sealed record NumericsOutcome(NumericsConfig Numerics, string Transform, LayerMetrics Metrics, JsonObject Json);
