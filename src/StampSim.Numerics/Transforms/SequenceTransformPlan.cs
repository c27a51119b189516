using StampSim.Numerics;

namespace StampSim.Transforms;

/// <summary>A resolved sequence transform: its descriptor, levels and the tokens it covers.</summary>
/// <param name="Transform">The transform's descriptor.</param>
/// <param name="PrefixTokens">Leading tokens kept aside.</param>
/// <param name="TransformedTokens">Tokens the transform covers (s minus the prefix).</param>
/// <param name="Levels">Resolved levels (Haar kinds) or 0.</param>
/// <param name="Grid">Token grid for <c>haar2d</c>.</param>
public sealed record SequenceTransformPlan(ISequenceTransformDescriptor Transform, int PrefixTokens, int TransformedTokens, int Levels, TokenGrid? Grid)
{
    /// <summary>The transform's config name.</summary>
    public SequenceTransformKind Kind => Transform.Kind;

    /// <summary>Tokens that must be on chip together (the descriptor's rule).</summary>
    public int BlockTokens => Transform.BlockTokens(this);

    /// <summary>Add and multiply operations per feature column for one direction of the transform (the descriptor's count).</summary>
    public (long Adds, long Muls) OperationsPerColumn() => Transform.OperationsPerColumn(this);
}
