using StampSim.Metrics;
using StampSim.Numerics;
using StampSim.Pipeline;

namespace StampSim.Evaluation;

/// <summary>
/// What the evaluations of one layer's inputs share: the float64 reference (<see cref="LayerReference"/>),
/// computed once for every numerics setting, and the golden runs by <see cref="NumericsKey"/>, so configs
/// that differ only in hardware share one engine run. Scope one cache to one layer's inputs, and drop it
/// with the layer.
/// </summary>
public sealed class NumericsCache
{
    private readonly Dictionary<NumericsKey, NumericsRun> _runs = [];
    private LayerReference? _reference;

    /// <summary>How many engine runs the cache holds.</summary>
    public int Count => _runs.Count;

    /// <summary>The run for <paramref name="key"/>, computing it once.</summary>
    /// <returns>The run, and whether it was computed by this call.</returns>
    public (NumericsRun Run, bool Computed) GetOrRun(NumericsKey key, Func<NumericsRun> run)
    {
        if (_runs.TryGetValue(key, out var cached)) return (cached, false);
        var fresh = run();
        _runs[key] = fresh;
        return (fresh, true);
    }

    /// <summary>The reference of <paramref name="inputs"/>, computed on first use.</summary>
    /// <exception cref="InvalidOperationException">The cache already holds the reference of other inputs.</exception>
    public LayerReference Reference(LayerInputs inputs, ExecutionOptions options)
    {
        _reference ??= LayerReference.Compute(inputs, options);
        if (!ReferenceEquals(_reference.Inputs, inputs))
            throw new InvalidOperationException($"a numerics cache serves one layer's inputs: it holds '{_reference.Inputs.Name}', asked for '{inputs.Name}'");
        return _reference;
    }
}
