namespace StampSim.Gpu.Crosscheck;

/// <summary>
/// Outputs of a user's own kernel to check against the golden prediction for the same inputs and
/// config; any subset may be given.
/// </summary>
/// <param name="Y">The layer output <c>(s, n)</c>.</param>
/// <param name="Codes">Signed activation codes <c>(s, d)</c> (min-max codes 0..2^b−1, symmetric −qmax..qmax).</param>
/// <param name="Accumulators">Integer accumulators <c>(s, groups, n)</c>, or <c>(s, n)</c> without groups.</param>
/// <param name="TransformedX">Activations after the feature and sequence transforms <c>(s, d)</c>.</param>
/// <param name="Yt">The epilogue output before the inverse transform <c>(s, n)</c>.</param>
public sealed record ExternalOutputs(
    ExternalTensor<float>? Y,
    ExternalTensor<long>? Codes = null,
    ExternalTensor<long>? Accumulators = null,
    ExternalTensor<float>? TransformedX = null,
    ExternalTensor<float>? Yt = null)
{
    /// <summary>True when nothing was given.</summary>
    public bool IsEmpty => Y is null && Codes is null && Accumulators is null && TransformedX is null && Yt is null;
}
