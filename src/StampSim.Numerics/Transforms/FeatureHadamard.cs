using StampSim.Numerics;

namespace StampSim.Transforms;

/// <summary>
/// Stage 0, <c>feature_transform: hadamard</c>: <c>WHT_d</c> applied to every row (online on
/// activations, offline on weights before they are quantized). d must be a power of two.
/// </summary>
public static class FeatureHadamard
{
    /// <summary>Transforms each row of <paramref name="data"/> (rows x <paramref name="cols"/>) in place.</summary>
    /// <exception cref="InputException">The feature count is not a power of two.</exception>
    public static void Apply(float[] data, int rows, int cols, ExecutionOptions options)
    {
        Validate(cols);
        Parallel.For(0, rows, options.Parallel, r => WalshHadamard.Transform(data.AsSpan(r * cols, cols)));
    }

    /// <summary>Rejects a feature count the transform cannot handle.</summary>
    /// <exception cref="InputException">The feature count is not a power of two.</exception>
    public static void Validate(int cols)
    {
        if (!WalshHadamard.IsPowerOfTwo(cols))
            throw new InputException($"numerics.feature_transform: hadamard needs a power-of-two feature count, got d = {cols}");
    }
}
