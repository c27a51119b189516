namespace StampSim.Gpu.Crosscheck;

/// <summary>
/// The stages a user's own kernel dumped, keyed by <see cref="ExternalStage.Name"/>; any subset may be given.
/// Float stages hold float32 values, integer stages the integers of any integer dtype.
/// </summary>
/// <param name="Floats">Float32 stages.</param>
/// <param name="Integers">Integer stages.</param>
public sealed record ExternalOutputs(IReadOnlyDictionary<string, ExternalTensor<float>> Floats, IReadOnlyDictionary<string, ExternalTensor<long>> Integers)
{
    /// <summary>True when nothing was given.</summary>
    public bool IsEmpty => Floats.Count == 0 && Integers.Count == 0;

    /// <summary>Whether <paramref name="stage"/> was given.</summary>
    public bool Has(ExternalStage stage) => Floats.ContainsKey(stage.Name) || Integers.ContainsKey(stage.Name);

    /// <summary>The values of float stage <paramref name="stage"/>, or null.</summary>
    public float[]? Float(ExternalStage stage) => Floats.TryGetValue(stage.Name, out var t) ? t.Data : null;

    /// <summary>The values of integer stage <paramref name="stage"/>, or null.</summary>
    public long[]? Integer(ExternalStage stage) => Integers.TryGetValue(stage.Name, out var t) ? t.Data : null;

    /// <summary>The file and shape of a given stage.</summary>
    public (string Path, long[] Shape) Source(ExternalStage stage) =>
        Floats.TryGetValue(stage.Name, out var f) ? (f.Path, f.Shape) : (Integers[stage.Name].Path, Integers[stage.Name].Shape);
}
