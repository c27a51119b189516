using StampSim.Numerics;

namespace StampSim.Transforms;

/// <summary><c>wht</c>: the normalised Walsh–Hadamard transform of a power-of-two sequence, which mixes all of it.</summary>
public sealed class WhtDescriptor : ISequenceTransformDescriptor
{
    /// <inheritdoc />
    public SequenceTransformKind Kind => SequenceTransformKind.Wht;

    /// <inheritdoc />
    public SequenceTransformPlan Plan(NumericsConfig numerics, int prefix, int tokens, int hiTokens)
    {
        WhtTransform.Validate(tokens);
        return new(this, prefix, tokens, 0, null);
    }

    /// <inheritdoc />
    public ISequenceTransform Create(SequenceTransformPlan plan, ExecutionOptions options) => new WhtTransform(plan.TransformedTokens, options);

    /// <inheritdoc />
    public int BlockTokens(SequenceTransformPlan plan) => plan.TransformedTokens;

    /// <summary>s·log2 s adds and a scale of each of the s outputs.</summary>
    public (long Adds, long Muls) OperationsPerColumn(SequenceTransformPlan plan)
    {
        long s = plan.TransformedTokens;
        return (s * (long)Math.Log2(s), s);
    }
}
