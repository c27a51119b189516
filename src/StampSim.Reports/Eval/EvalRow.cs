using StampSim.Models.Evaluation;

namespace StampSim.Reports.Eval;

/// <summary>One numerics variant of an evaluation and what it measured.</summary>
/// <typeparam name="T">The figures of the evaluation kind (perplexity, ViT agreement, encoder agreement).</typeparam>
/// <param name="Variant">The variant (its name and numerics; null numerics is float32).</param>
/// <param name="Result">Its figures.</param>
public sealed record EvalRow<T>(ComparisonVariant Variant, T Result);
