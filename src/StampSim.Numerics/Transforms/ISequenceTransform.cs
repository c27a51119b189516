namespace StampSim.Transforms;

/// <summary>
/// An orthogonal transform along the token axis of an <c>(s, cols)</c> row-major matrix, applied to
/// every column independently, in place. The float32 methods are the golden arithmetic of the
/// numerics contract; the float64 methods serve the error metrics.
/// </summary>
public interface ISequenceTransform
{
    /// <summary>Number of tokens s the transform was planned for.</summary>
    int Length { get; }

    /// <summary>Resolved decomposition levels (0 for transforms without levels).</summary>
    int Levels { get; }

    /// <summary>A short description, e.g. <c>haar(levels=5)</c>.</summary>
    string Description { get; }

    /// <summary>Forward transform, float32 golden arithmetic.</summary>
    void Forward(Span<float> data, int cols);

    /// <summary>Inverse transform, float32 golden arithmetic.</summary>
    void Inverse(Span<float> data, int cols);

    /// <summary>Forward transform in float64.</summary>
    void Forward(Span<double> data, int cols);

    /// <summary>Inverse transform in float64.</summary>
    void Inverse(Span<double> data, int cols);
}
