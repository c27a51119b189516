using StampSim.Numerics;

namespace StampSim.Transforms;

/// <summary>A resolved sequence transform: kind, levels and the tokens it covers.</summary>
/// <param name="Kind">Transform kind.</param>
/// <param name="PrefixTokens">Leading tokens kept aside.</param>
/// <param name="TransformedTokens">Tokens the transform covers (s minus the prefix).</param>
/// <param name="Levels">Resolved levels (Haar kinds) or 0.</param>
/// <param name="Grid">Token grid for <c>haar2d</c>.</param>
public sealed record SequenceTransformPlan(SequenceTransformKind Kind, int PrefixTokens, int TransformedTokens, int Levels, TokenGrid? Grid)
{
    /// <summary>
    /// Tokens that must be on chip together: a Haar transform is local to blocks of <c>2^levels</c>
    /// tokens (a stripe of <c>2^levels</c> grid rows in 2-D); DCT and WHT mix the whole sequence.
    /// </summary>
    public int BlockTokens => Kind switch
    {
        SequenceTransformKind.Haar => Math.Min(TransformedTokens, 1 << Levels),
        SequenceTransformKind.Haar2d => (1 << Levels) * Grid!.Width,
        SequenceTransformKind.Dct or SequenceTransformKind.Wht => TransformedTokens,
        _ => 1,
    };

    /// <summary>
    /// Add and multiply operations per feature column for one direction of the transform
    /// (each output of a Haar butterfly is one add and one multiply; WHT adds s·log2 s and scales s;
    /// the DCT is counted as a direct s x s matrix product).
    /// </summary>
    public (long Adds, long Muls) OperationsPerColumn()
    {
        long s = TransformedTokens;
        switch (Kind)
        {
            case SequenceTransformKind.Haar:
                long ops = 0, m = s;
                for (int j = 0; j < Levels && m > 1; j++)
                {
                    ops += 2 * (m / 2);
                    m = (m + 1) / 2;
                }
                return (ops, ops);
            case SequenceTransformKind.Haar2d:
                long total = 0;
                for (int j = 0; j < Levels; j++)
                    total += 2L * (Grid!.Height >> j) * (Grid.Width >> j);
                return (total, total);
            case SequenceTransformKind.Wht:
                return (s * (long)Math.Log2(s), s);
            case SequenceTransformKind.Dct:
                return (s * s, s * s);
            default:
                return (0, 0);
        }
    }
}
