using StampSim.Numerics;
using StampSim.Transforms;

namespace StampSim.Models.Linear;

/// <summary>The numerics one call runs under, and the block Hadamard applied ahead of the engine.</summary>
/// <param name="Numerics">Numerics handed to the golden layer.</param>
/// <param name="HadamardBlock">Size of the block-diagonal feature Hadamard applied to X and W before the engine; 0 for none.</param>
internal sealed record CallNumerics(NumericsConfig Numerics, int HadamardBlock)
{
    /// <summary>
    /// Specialises <paramref name="numerics"/> to one call:
    /// <list type="bullet">
    /// <item><c>haar2d</c> takes the call's own token grid and prefix tokens (a ViT's 14x14 patch grid
    /// after its CLS token); a call of single-token sequences has no sequence to transform and gets <c>none</c>;
    /// a multi-token call without a grid cannot be run under <c>haar2d</c>.</item>
    /// <item><c>hadamard</c> with a feature count d that is not a power of two becomes a block-diagonal
    /// Walsh–Hadamard transform with the largest power-of-two block dividing d (192 → 64, 768 → 256,
    /// 172 → 4), still orthogonal and applied to X and W alike so <c>X W^T</c> is unchanged; with an odd
    /// d there is no block and no feature transform. A power-of-two d is left to the engine's stage 0.</item>
    /// </list>
    /// </summary>
    public static CallNumerics Resolve(NumericsConfig numerics, LinearCall call)
    {
        var resolved = numerics.OnLayerGrid(call.Grid, call.PrefixTokens);
        if (numerics.Transform == SequenceTransformKind.Haar2d && call.Grid is null)
        {
            if (call.Sequences.Lengths.Any(l => l != 1))
                throw new InputException($"numerics.transform: haar2d needs a token grid but layer '{call.Name}' is a plain sequence of {call.Tokens} tokens");
            resolved = resolved with { Transform = SequenceTransformKind.None, Levels = TransformLevels.Auto, Grid = null };
        }
        int block = 0;
        if (numerics.FeatureTransform == FeatureTransformKind.Hadamard && !WalshHadamard.IsPowerOfTwo(call.Features))
        {
            int largest = call.Features & -call.Features;
            block = largest > 1 ? largest : 0;
            resolved = resolved with { FeatureTransform = FeatureTransformKind.None };
        }
        return new CallNumerics(resolved, block);
    }
}
