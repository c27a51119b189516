using StampSim.Config;
using StampSim.Numerics;
using StampSim.Hardware;

namespace StampSim.ModelCost;

/// <summary>
/// The numerics each matmul of a whole model runs under, for one variant: the config's <c>model:</c> policy applied.
/// Prefill's block linears run the <paramref name="batch"/> prompts as one matmul, each prompt keeping its own high-precision tokens.
/// </summary>
internal sealed class OperatorNumerics(StampConfig config, Variant variant, int batch)
{
    private readonly NumericsConfig _prefill = variant.Numerics(config.Numerics) is var p ? p with { HiTokens = p.HiTokens * batch } : p;
    private readonly NumericsConfig _decode = variant == Variant.Stamp
        ? config.Numerics.UniformBaseline(config.Model.DecodeActBits)
        : variant.Numerics(config.Numerics);
    private readonly NumericsConfig _attention = config.Numerics.UniformBaseline(config.Model.AttentionActBits) with { WeightBits = config.Model.KvBits };
    private readonly NumericsConfig _edge = config.Numerics.UniformBaseline(config.Model.EdgeActBits);

    public NumericsConfig For(OperandRole role, Phase phase) => role switch
    {
        OperandRole.BlockLinear => phase == Phase.Prefill ? _prefill : _decode,
        OperandRole.Attention => _attention,
        _ => _edge,
    };

    /// <summary>How the block linears of <paramref name="phase"/> run, in words.</summary>
    public string Describe(Phase phase)
    {
        var n = For(OperandRole.BlockLinear, phase);
        // Prefill's numerics count the high-precision tokens of all B prompts; the sentence is per prompt.
        var shown = phase == Phase.Prefill ? n with { HiTokens = n.HiTokens / batch } : n;
        return $"W{n.WeightBits} {shown.DescribeActivations()}" + (phase == Phase.Decode && variant == Variant.Stamp ? " (STaMP's decode fallback: one token has no sequence to transform)" : "");
    }
}
