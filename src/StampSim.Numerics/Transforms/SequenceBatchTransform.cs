using StampSim.Tensors;

namespace StampSim.Transforms;

/// <summary>
/// The sequence transforms of a <see cref="SequenceBatch"/>: each sequence's rows get the transform planned for
/// its own length, so no token mixes with another sequence's. Identical, row for row, to transforming each
/// sequence alone.
/// </summary>
public sealed class SequenceBatchTransform : ISequenceTransform
{
    private readonly SequenceBatch _batch;
    private readonly ISequenceTransform[] _transforms;

    /// <summary>Batches <paramref name="transforms"/>, one per sequence of <paramref name="batch"/>, in order.</summary>
    /// <exception cref="ArgumentException">The counts or lengths disagree.</exception>
    public SequenceBatchTransform(SequenceBatch batch, IReadOnlyList<ISequenceTransform> transforms)
    {
        if (transforms.Count != batch.Count)
            throw new ArgumentException($"{transforms.Count} transforms for {batch.Count} sequences", nameof(transforms));
        for (int k = 0; k < batch.Count; k++)
            if (transforms[k].Length != batch.Lengths[k])
                throw new ArgumentException($"sequence {k}: transform of {transforms[k].Length} tokens for {batch.Lengths[k]} tokens", nameof(transforms));
        _batch = batch;
        _transforms = [.. transforms];
    }

    /// <summary>The per-sequence transforms, in order.</summary>
    public IReadOnlyList<ISequenceTransform> Sequences => _transforms;

    /// <inheritdoc />
    public int Length => _batch.Tokens;

    /// <summary>The largest number of levels of any sequence's transform.</summary>
    public int Levels => _transforms.Max(t => t.Levels);

    /// <inheritdoc />
    public string Description => $"{_batch.Count} sequences: {string.Join(", ", _transforms.Select(t => t.Description).Distinct())}";

    /// <inheritdoc />
    public void Forward(Span<float> data, int cols)
    {
        for (int k = 0; k < _transforms.Length; k++) _transforms[k].Forward(_batch.Rows(data, k, cols), cols);
    }

    /// <inheritdoc />
    public void Inverse(Span<float> data, int cols)
    {
        for (int k = 0; k < _transforms.Length; k++) _transforms[k].Inverse(_batch.Rows(data, k, cols), cols);
    }

    /// <inheritdoc />
    public void Forward(Span<double> data, int cols)
    {
        for (int k = 0; k < _transforms.Length; k++) _transforms[k].Forward(_batch.Rows(data, k, cols), cols);
    }

    /// <inheritdoc />
    public void Inverse(Span<double> data, int cols)
    {
        for (int k = 0; k < _transforms.Length; k++) _transforms[k].Inverse(_batch.Rows(data, k, cols), cols);
    }
}
