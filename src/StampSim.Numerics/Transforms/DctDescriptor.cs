using StampSim.Numerics;

namespace StampSim.Transforms;

/// <summary><c>dct</c>: the orthonormal DCT-II, which mixes the whole sequence.</summary>
public sealed class DctDescriptor : ISequenceTransformDescriptor
{
    /// <inheritdoc />
    public SequenceTransformKind Kind => SequenceTransformKind.Dct;

    /// <inheritdoc />
    public SequenceTransformPlan Plan(NumericsConfig numerics, int prefix, int tokens, int hiTokens) => new(this, prefix, tokens, 0, null);

    /// <inheritdoc />
    public ISequenceTransform Create(SequenceTransformPlan plan, ExecutionOptions options) => new DctTransform(plan.TransformedTokens, options);

    /// <inheritdoc />
    public int BlockTokens(SequenceTransformPlan plan) => plan.TransformedTokens;

    /// <summary>Counted as a direct s x s matrix product.</summary>
    public (long Adds, long Muls) OperationsPerColumn(SequenceTransformPlan plan)
    {
        long s = plan.TransformedTokens;
        return (s * s, s * s);
    }
}
