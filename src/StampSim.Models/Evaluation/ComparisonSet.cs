using StampSim.Numerics;

namespace StampSim.Models.Evaluation;

/// <summary>The paper's default comparison: float32, W4A8, W4A4 round-to-nearest and W4A4 + STaMP, the W4A4 ones also with a feature Hadamard.</summary>
public static class ComparisonSet
{
    /// <summary>
    /// The variants, in this order: <c>float32</c>; <c>w4a4-rtn</c> (no sequence transform, every token at
    /// 4 bits); <c>w4a4-stamp</c> (<paramref name="stampTransform"/>, default <c>haar</c>, the first 64 transformed tokens at 8
    /// bits, the rest at 4); <c>w4a4-rtn-hadamard</c> and <c>w4a4-stamp-hadamard</c> (the same with the
    /// feature Hadamard; see <see cref="Linear.QuantizedLinearExecutor"/> for non-power-of-two widths);
    /// <c>w4a8</c> (every token at 8 bits, no transform). Weights are 4-bit everywhere. Other keys
    /// (quantizer, groups, accumulator, and the STaMP variant's levels) come from <paramref name="template"/>.
    /// </summary>
    public static IReadOnlyList<ComparisonVariant> PaperDefaults(NumericsConfig? template = null, SequenceTransformKind? stampTransform = null)
    {
        var t = (template ?? new NumericsConfig()) with { WeightBits = 4, FeatureTransform = FeatureTransformKind.None };
        var rtn = t with { Transform = SequenceTransformKind.None, Levels = TransformLevels.Auto, HiTokens = 0, HiBits = 4, LoBits = 4 };
        var stamp = t with { Transform = stampTransform ?? SequenceTransformKind.Haar, HiTokens = 64, HiBits = 8, LoBits = 4 };
        var w4a8 = t with { Transform = SequenceTransformKind.None, Levels = TransformLevels.Auto, HiTokens = 0, HiBits = 8, LoBits = 8 };
        var hadamard = FeatureTransformKind.Hadamard;
        return
        [
            new("float32", null),
            new("w4a4-rtn", rtn),
            new("w4a4-stamp", stamp),
            new("w4a4-rtn-hadamard", rtn with { FeatureTransform = hadamard }),
            new("w4a4-stamp-hadamard", stamp with { FeatureTransform = hadamard }),
            new("w4a8", w4a8),
        ];
    }
}
