namespace StampSim.Reports.Compare;

/// <summary>
/// A value a run resolves per layer from its configuration (the Haar levels of <c>levels: auto</c>, the
/// searched mapping) that differs between two reports, with the layers it differs on.
/// </summary>
/// <param name="Key">What was resolved (<c>numerics.levels</c>, <c>mapping</c>).</param>
/// <param name="A">The configured and the resolved value in A.</param>
/// <param name="B">The configured and the resolved value in B.</param>
/// <param name="Layers">The common layers on which A resolved to <paramref name="A"/> and B to <paramref name="B"/>, in report order.</param>
public sealed record ResolvedChange(string Key, (string Configured, string Resolved) A, (string Configured, string Resolved) B, IReadOnlyList<string> Layers);
