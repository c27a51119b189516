namespace StampSim.App.Eval;

/// <summary>Where an evaluation over several numerics variants stands: units (windows, images, sentences) over all variants.</summary>
/// <param name="Done">Units done so far, over every variant.</param>
/// <param name="Total">Units of the whole evaluation.</param>
/// <param name="Variant">The variant being evaluated.</param>
/// <param name="VariantFinished">Whether this report ends that variant.</param>
public sealed record EvalProgress(long Done, long Total, string Variant, bool VariantFinished);
