namespace StampSim.Evaluation;

/// <summary>
/// Golden runs of one layer's inputs by <see cref="NumericsKey"/>: configs that differ only in
/// hardware share one engine run. Scope one cache to one layer's inputs.
/// </summary>
public sealed class NumericsCache
{
    private readonly Dictionary<NumericsKey, NumericsRun> _runs = [];

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
}
