namespace StampSim.Transforms;

/// <summary><c>none</c>: the identity.</summary>
public sealed class IdentityTransform(int length) : ISequenceTransform
{
    /// <inheritdoc />
    public int Length { get; } = length;

    /// <inheritdoc />
    public int Levels => 0;

    /// <inheritdoc />
    public string Description => "none";

    /// <inheritdoc />
    public void Forward(Span<float> data, int cols) { }

    /// <inheritdoc />
    public void Inverse(Span<float> data, int cols) { }

    /// <inheritdoc />
    public void Forward(Span<double> data, int cols) { }

    /// <inheritdoc />
    public void Inverse(Span<double> data, int cols) { }
}
