using StampSim.Pipeline;
using StampSim.Tensors;

namespace StampSim.Rtl.Vectors;

/// <summary>
/// A seeded random layer for vectors: activations and weights uniform in [-1, 1) with one activation
/// channel 16x larger (an outlier, so most codes of a token sit mid-range while one hits the rails).
/// The same seed gives the same layer on every machine.
/// </summary>
public static class RandomLayer
{
    /// <summary>Creates an (s, d) x (n, d) layer without bias.</summary>
    /// <exception cref="InputException">A dimension is not positive.</exception>
    public static LayerInputs Create(int tokens, int features, int outputs, int seed)
    {
        if (tokens < 1) throw new InputException($"--random: the token count must be positive, got {tokens}");
        if (features < 1) throw new InputException($"--d: must be positive, got {features}");
        if (outputs < 1) throw new InputException($"--n: must be positive, got {outputs}");
        var rng = new Random(seed);
        var x = new Matrix<float>(tokens, features);
        for (int i = 0; i < tokens; i++)
            for (int j = 0; j < features; j++)
                x[i, j] = (float)(rng.NextDouble() * 2 - 1) * (j == 0 ? 16f : 1f);
        var w = new Matrix<float>(outputs, features);
        for (int i = 0; i < outputs; i++)
            for (int j = 0; j < features; j++)
                w[i, j] = (float)(rng.NextDouble() * 2 - 1);
        return new LayerInputs(x, w, null, $"random-{seed}");
    }
}
