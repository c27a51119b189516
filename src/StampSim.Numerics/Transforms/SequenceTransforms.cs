using StampSim.Numerics;
using StampSim.Tensors;

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
        var plan = Plan(numerics, tokens);
        int s = plan.TransformedTokens;
        ISequenceTransform inner = plan.Kind switch
        {
            SequenceTransformKind.None => new IdentityTransform(s),
            SequenceTransformKind.Haar => new HaarTransform(s, plan.Levels, options),
            SequenceTransformKind.Haar2d => new Haar2dTransform(plan.Grid!, plan.Levels, options),
            SequenceTransformKind.Dct => new DctTransform(s, options),
            SequenceTransformKind.Wht => new WhtTransform(s, options),
            _ => throw new ArgumentOutOfRangeException(nameof(numerics)),
        };
        return plan.PrefixTokens == 0 ? inner : new PrefixedTransform(plan.PrefixTokens, inner);
    }

    /// <summary>
    /// Plans the transforms of a batch of independent sequences: each its own <see cref="Create(NumericsConfig, int, ExecutionOptions)"/>
    /// (one plan per distinct length), a single sequence's transform unwrapped.
    /// </summary>
    /// <exception cref="InputException">A sequence's shape does not suit the transform.</exception>
    public static ISequenceTransform Create(NumericsConfig numerics, SequenceBatch batch, ExecutionOptions options)
    {
        if (batch.Count == 1) return Create(numerics, batch.Tokens, options);
        var byLength = new Dictionary<int, ISequenceTransform>();
        var transforms = batch.Lengths.Select(l => byLength.TryGetValue(l, out var t) ? t : byLength[l] = Create(numerics, l, options)).ToList();
        return new SequenceBatchTransform(batch, transforms);
    }

    /// <summary>Resolves and validates the transform for <paramref name="tokens"/> tokens without building it.</summary>
    /// <exception cref="InputException">The shape does not suit the transform.</exception>
    public static SequenceTransformPlan Plan(NumericsConfig numerics, int tokens)
    {
        int prefix = numerics.PrefixTokens;
        if (prefix > tokens)
            throw new InputException($"numerics.prefix_tokens: {prefix} prefix tokens but the layer has only s = {tokens}");
        int s = tokens - prefix;
        int hi = Math.Max(0, numerics.HiTokens - prefix);
        switch (numerics.Transform)
        {
            case SequenceTransformKind.Haar:
                return new(numerics.Transform, prefix, s, numerics.Levels ?? HaarTransform.AutoLevels(s, hi), null);
            case SequenceTransformKind.Haar2d:
                var grid = numerics.Grid ?? throw new InputException("numerics.grid: haar2d needs a token grid \"HxW\"");
                if (grid.Count != s)
                    throw new InputException(prefix > 0
                        ? $"numerics.grid: grid {grid} has {grid.Count} tokens but the layer has {s} tokens after {prefix} prefix tokens"
                        : $"numerics.grid: grid {grid} has {grid.Count} tokens but the layer has s = {s}");
                int levels = numerics.Levels ?? Haar2dTransform.AutoLevels(grid, hi);
                Haar2dTransform.Validate(grid, levels);
                return new(numerics.Transform, prefix, s, levels, grid);
            case SequenceTransformKind.Wht:
                WhtTransform.Validate(s);
                return new(numerics.Transform, prefix, s, 0, null);
            default:
                return new(numerics.Transform, prefix, s, 0, null);
        }
    }
}
