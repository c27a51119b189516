using StampSim.Numerics;

namespace StampSim.Transforms;

/// <summary><c>haar</c>: the 1-D Haar DWT, local to blocks of <c>2^levels</c> tokens.</summary>
public sealed class HaarDescriptor : ISequenceTransformDescriptor
{
    /// <inheritdoc />
    public SequenceTransformKind Kind => SequenceTransformKind.Haar;

    /// <inheritdoc />
    public SequenceTransformPlan Plan(NumericsConfig numerics, int prefix, int tokens, int hiTokens) =>
        new(this, prefix, tokens, numerics.Levels.Count ?? HaarTransform.AutoLevels(tokens, hiTokens), null);

    /// <inheritdoc />
    public ISequenceTransform Create(SequenceTransformPlan plan, ExecutionOptions options) =>
        new HaarTransform(plan.TransformedTokens, plan.Levels, options);

    /// <inheritdoc />
    public int BlockTokens(SequenceTransformPlan plan) => Math.Min(plan.TransformedTokens, 1 << plan.Levels);

    /// <summary>Each output of a butterfly is one add and one multiply; a one-token band is left alone.</summary>
    public (long Adds, long Muls) OperationsPerColumn(SequenceTransformPlan plan)
    {
        long ops = 0, m = plan.TransformedTokens;
        for (int j = 0; j < plan.Levels && m > 1; j++)
        {
            ops += 2 * (m / 2);
            m = (m + 1) / 2;
        }
        return (ops, ops);
    }
}
