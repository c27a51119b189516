using StampSim.Config;
using StampSim.Numerics;
using StampSim.Hardware;

namespace StampSim.Inference;

/// <summary>The numerics each matmul of a whole model runs under, for one variant: the config's <c>model:</c> policy applied.</summary>
internal sealed class OperatorNumerics(StampConfig config, Variant variant)
{
    private readonly NumericsConfig _prefill = variant.Numerics(config.Numerics);
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
        string act = n.Transform == SequenceTransformKind.None ? $"A{n.LoBits} per token" : $"STaMP {n.Transform.Name}: {n.HiTokens} tokens A{n.HiBits}, rest A{n.LoBits}";
        return $"W{n.WeightBits} {act}" + (phase == Phase.Decode && variant == Variant.Stamp ? " (STaMP's decode fallback: one token has no sequence to transform)" : "");
    }
}
