using StampSim.Numerics;
using StampSim.Traces;

namespace StampSim.Reports.Run;

/// <summary>What <c>stampsim run</c> was asked to do.</summary>
/// <param name="Trace">A trace path, or <c>bundled</c> (also when null).</param>
/// <param name="ConfigPaths">Config files; empty means the embedded default (edge-npu).</param>
/// <param name="Overrides"><c>--set key=value</c> overrides, applied to every config.</param>
/// <param name="Layers">Comma-separated layer globs (<see cref="LayerSelection"/>); null selects every layer.</param>
/// <param name="FocusLayer">Layer for the energy-compaction and autocorrelation plots; null picks the one with the most MACs.</param>
/// <param name="Execution">Threads and kernels (never change a result).</param>
public sealed record RunRequest(string? Trace, IReadOnlyList<string> ConfigPaths, IReadOnlyList<string> Overrides, string? Layers,
    string? FocusLayer, ExecutionOptions Execution)
{
    /// <summary>The trace argument with the default filled in.</summary>
    public string TraceArgument => Trace ?? BundledTrace.Name;
}
