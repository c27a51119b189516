using StampSim.Numerics;

namespace StampSim.Transforms;

/// <summary><c>none</c>: the identity; nothing on chip together, no work.</summary>
public sealed class IdentityDescriptor : ISequenceTransformDescriptor
{
    /// <inheritdoc />
    public SequenceTransformKind Kind => SequenceTransformKind.None;

    /// <inheritdoc />
    public SequenceTransformPlan Plan(NumericsConfig numerics, int prefix, int tokens, int hiTokens) => new(this, prefix, tokens, 0, null);

    /// <inheritdoc />
    public ISequenceTransform Create(SequenceTransformPlan plan, ExecutionOptions options) => new IdentityTransform(plan.TransformedTokens);

    /// <inheritdoc />
    public int BlockTokens(SequenceTransformPlan plan) => 1;

    /// <inheritdoc />
    public (long Adds, long Muls) OperationsPerColumn(SequenceTransformPlan plan) => (0, 0);
}
