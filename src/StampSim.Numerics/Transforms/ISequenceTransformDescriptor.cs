using StampSim.Numerics;

namespace StampSim.Transforms;

/// <summary>
/// Everything the simulator knows about one sequence transform, registered under its config name in a
/// <see cref="SequenceTransformRegistry"/>: how a layer's shape resolves it (levels, grid, validation),
/// its golden forward and inverse arithmetic, and what the cost model charges for it.
/// </summary>
public interface ISequenceTransformDescriptor
{
    /// <summary>The config name (<c>numerics.transform</c>).</summary>
    SequenceTransformKind Kind { get; }

    /// <summary>
    /// Resolves and validates the transform for <paramref name="tokens"/> transformed tokens, after
    /// <paramref name="prefix"/> prefix tokens, of which the first <paramref name="hiTokens"/> are high precision.
    /// </summary>
    /// <exception cref="InputException">The shape does not suit the transform (see the contract).</exception>
    SequenceTransformPlan Plan(NumericsConfig numerics, int prefix, int tokens, int hiTokens);

    /// <summary>The golden transform of a plan this descriptor made.</summary>
    ISequenceTransform Create(SequenceTransformPlan plan, ExecutionOptions options);

    /// <summary>Tokens that must be on chip together for the transform to run.</summary>
    int BlockTokens(SequenceTransformPlan plan);

    /// <summary>Add and multiply operations per feature column for one direction of the transform.</summary>
    (long Adds, long Muls) OperationsPerColumn(SequenceTransformPlan plan);
}
