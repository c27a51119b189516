namespace StampSim.Transforms;

/// <summary>
/// Keeps the first <see cref="Prefix"/> tokens aside (untransformed, in place) and applies
/// <see cref="Inner"/> to the rest: how a ViT's CLS token is handled around a 2-D Haar of its patch grid.
/// </summary>
public sealed class PrefixedTransform(int prefix, ISequenceTransform inner) : ISequenceTransform
{
    /// <summary>Tokens kept aside.</summary>
    public int Prefix { get; } = prefix;

    /// <summary>Transform of the remaining tokens.</summary>
    public ISequenceTransform Inner { get; } = inner;

    /// <inheritdoc />
    public int Length => Prefix + Inner.Length;

    /// <inheritdoc />
    public int Levels => Inner.Levels;

    /// <inheritdoc />
    public string Description => $"prefix({Prefix}) + {Inner.Description}";

    /// <inheritdoc />
    public void Forward(Span<float> data, int cols) => Inner.Forward(data[(Prefix * cols)..], cols);

    /// <inheritdoc />
    public void Inverse(Span<float> data, int cols) => Inner.Inverse(data[(Prefix * cols)..], cols);

    /// <inheritdoc />
    public void Forward(Span<double> data, int cols) => Inner.Forward(data[(Prefix * cols)..], cols);

    /// <inheritdoc />
    public void Inverse(Span<double> data, int cols) => Inner.Inverse(data[(Prefix * cols)..], cols);
}
