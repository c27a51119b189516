using System.Text.Json.Nodes;
using StampSim.Metrics;

namespace StampSim.Traces;

/// <summary>One layer of a trace replay.</summary>
/// <param name="Layer">The layer.</param>
/// <param name="Tokens">s.</param>
/// <param name="Features">d.</param>
/// <param name="Outputs">n.</param>
/// <param name="Transform">The sequence transform that ran, levels resolved.</param>
/// <param name="Metrics">The contract's metrics.</param>
/// <param name="Json">The layer's JSON record (the keys of <c>stampsim layer --metrics</c> plus kind and block).</param>
/// <param name="Seconds">Wall time of the layer and its metrics.</param>
public sealed record ReplayedLayer(TraceLayer Layer, int Tokens, int Features, int Outputs, string Transform, LayerMetrics Metrics,
    JsonObject Json, double Seconds);
