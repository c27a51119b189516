using StampSim.Numerics;
using StampSim.Tensors;

namespace StampSim.Transforms;

/// <summary>The built-in sequence transforms (<see cref="SequenceTransformRegistry.BuiltIn"/>), for callers that use no other.</summary>
public static class SequenceTransforms
{
    /// <inheritdoc cref="SequenceTransformRegistry.Create(NumericsConfig, int, ExecutionOptions)"/>
    public static ISequenceTransform Create(NumericsConfig numerics, int tokens, ExecutionOptions options) =>
        SequenceTransformRegistry.BuiltIn.Create(numerics, tokens, options);

    /// <inheritdoc cref="SequenceTransformRegistry.Plan"/>
    public static SequenceTransformPlan Plan(NumericsConfig numerics, int tokens) =>
        SequenceTransformRegistry.BuiltIn.Plan(numerics, tokens);

    /// <inheritdoc cref="SequenceTransformRegistry.Create(NumericsConfig, SequenceBatch, ExecutionOptions)"/>
    public static ISequenceTransform Create(NumericsConfig numerics, SequenceBatch batch, ExecutionOptions options) =>
        SequenceTransformRegistry.BuiltIn.Create(numerics, batch, options);
}
