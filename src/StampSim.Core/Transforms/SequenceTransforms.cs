using StampSim.Config;
using StampSim.Pipeline;

namespace StampSim.Transforms;

/// <summary>Builds the sequence transform a numerics config asks for, for a given number of tokens.</summary>
public static class SequenceTransforms
{
    /// <summary>
    /// Plans the transform for <paramref name="tokens"/> tokens. Prefix tokens are kept aside; the
    /// <c>auto</c> levels rule then applies to the remaining tokens with the high-precision tokens
    /// the prefix does not already take.
    /// </summary>
    /// <exception cref="InputException">The shape does not suit the transform (see the contract).</exception>
    public static ISequenceTransform Create(NumericsConfig numerics, int tokens, ExecutionOptions options)
    {
        int prefix = numerics.PrefixTokens;
        if (prefix > tokens)
            throw new InputException($"numerics.prefix_tokens: {prefix} prefix tokens but the layer has only s = {tokens}");
        int s = tokens - prefix;
        int hi = Math.Max(0, numerics.HiTokens - prefix);
        ISequenceTransform inner = numerics.Transform switch
        {
            SequenceTransformKind.None => new IdentityTransform(s),
            SequenceTransformKind.Haar => new HaarTransform(s, numerics.Levels ?? HaarTransform.AutoLevels(s, hi), options),
            SequenceTransformKind.Haar2d => CreateHaar2d(numerics, s, hi, options),
            SequenceTransformKind.Dct => new DctTransform(s, options),
            SequenceTransformKind.Wht => new WhtTransform(s, options),
            _ => throw new ArgumentOutOfRangeException(nameof(numerics)),
        };
        return prefix == 0 ? inner : new PrefixedTransform(prefix, inner);
    }

    private static Haar2dTransform CreateHaar2d(NumericsConfig numerics, int s, int hi, ExecutionOptions options)
    {
        var grid = numerics.Grid ?? throw new InputException("numerics.grid: haar2d needs a token grid \"HxW\"");
        if (grid.Count != s)
            throw new InputException(numerics.PrefixTokens > 0
                ? $"numerics.grid: grid {grid} has {grid.Count} tokens but the layer has {s} tokens after {numerics.PrefixTokens} prefix tokens"
                : $"numerics.grid: grid {grid} has {grid.Count} tokens but the layer has s = {s}");
        return new Haar2dTransform(grid, numerics.Levels ?? Haar2dTransform.AutoLevels(grid, hi), options);
    }
}
