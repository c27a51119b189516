using StampSim.Numerics;
using StampSim.Quantization;

namespace StampSim.Gemm;

/// <summary>
/// The one rule for "no adder-tree chunk and no partial accumulator can leave its range",
/// bounded from the largest code magnitudes alone (<see cref="MacArray.CannotOverflow"/>). When it
/// holds, the exact integer dot product is the contract's result in any summation order: engines
/// may take a fast path, and settings that differ only in <c>mac_array.rows</c> give the same bits.
/// </summary>
public static class OverflowBound
{
    /// <summary>Largest magnitude of an activation code as the array sees it (offset removed).</summary>
    public static int MaxActivationCode(ActQuantKind quantizer, int bits) =>
        quantizer == ActQuantKind.Symmetric ? SymmetricQuantizer.MaxCode(bits) : (1 << bits) - 1;

    /// <summary>The rule for a layer of <paramref name="tokens"/> x <paramref name="features"/> under <paramref name="numerics"/>.</summary>
    /// <exception cref="InputException"><c>act_group</c> does not divide <paramref name="features"/>.</exception>
    public static bool CannotOverflow(NumericsConfig numerics, int rows, int tokens, int features)
    {
        int bits = TokenBits.Max(tokens, numerics.HiTokens, numerics.HiBits, numerics.LoBits);
        return new MacArray(rows, numerics.Accumulator).CannotOverflow(
            MaxActivationCode(numerics.ActQuant, bits), SymmetricQuantizer.MaxCode(numerics.WeightBits),
            ActivationQuantizer.GroupSize(numerics, features));
    }

    /// <summary>The same rule for operands already quantized (their bit allocation and quantizer are those of the numerics).</summary>
    public static bool CannotOverflow(MacArray mac, QuantizedActivations x, QuantizedWeights w)
    {
        var (activation, weight) = MaxCodes(x, w);
        return mac.CannotOverflow(activation, weight, x.GroupSize);
    }

    /// <summary>The adder-tree half of the rule for operands already quantized: no chunk sum can leave its range.</summary>
    public static bool ChunkCannotOverflow(MacArray mac, QuantizedActivations x, QuantizedWeights w)
    {
        var (activation, weight) = MaxCodes(x, w);
        return mac.ChunkCannotOverflow(activation, weight, x.GroupSize);
    }

    private static (int Activation, int Weight) MaxCodes(QuantizedActivations x, QuantizedWeights w)
    {
        int bits = x.Bits.Length == 0 ? 2 : x.Bits.Max();
        var quantizer = x.CodeOffset == 0 ? ActQuantKind.Minmax : ActQuantKind.Symmetric;
        return (MaxActivationCode(quantizer, bits), SymmetricQuantizer.MaxCode(w.Bits));
    }
}
