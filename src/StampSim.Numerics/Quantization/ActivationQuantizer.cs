using StampSim.Tensors;
using StampSim.Numerics;

namespace StampSim.Quantization;

/// <summary>Stage 2: quantizes transformed activations token by token (or group by group).</summary>
public static class ActivationQuantizer
{
    /// <summary>Quantizes <paramref name="x"/> (s x d) with the numerics' quantizer and bit allocation.</summary>
    public static QuantizedActivations Quantize(ReadOnlySpan<float> x, int tokens, int features, NumericsConfig numerics, ExecutionOptions options) =>
        Quantize(x, SequenceBatch.Single(tokens), features, numerics, options);

    /// <summary>
    /// Quantizes <paramref name="x"/>, the sequences of <paramref name="batch"/> stacked (s x d), each sequence with its
    /// own bit allocation (a token's bits depend on its position in its sequence; quantization is per token).
    /// </summary>
    public static QuantizedActivations Quantize(ReadOnlySpan<float> x, SequenceBatch batch, int features, NumericsConfig numerics, ExecutionOptions options)
    {
        int tokens = batch.Tokens;
        int group = GroupSize(numerics, features);
        int groups = features / group;
        var codes = LargeArrays.Uninitialized<byte>(checked(tokens * features));   // every group is written below
        var scale = new float[(long)tokens * groups];
        var offset = new float[(long)tokens * groups];
        var bits = TokenBits.Allocate(batch, numerics.HiTokens, numerics.HiBits, numerics.LoBits);
        bool symmetric = numerics.ActQuant == ActQuantKind.Symmetric;
        unsafe
        {
            fixed (float* px = x)
            {
                var ptr = (nint)px;
                int length = x.Length;
                Parallel.For(0, tokens, options.Parallel, i =>
                {
                    var row = new ReadOnlySpan<float>((float*)ptr, length).Slice(i * features, features);
                    for (int g = 0; g < groups; g++)
                    {
                        var xs = row.Slice(g * group, group);
                        var cs = codes.AsSpan(i * features + g * group, group);
                        if (symmetric)
                            scale[i * groups + g] = SymmetricQuantizer.Quantize(xs, bits[i], cs);
                        else
                            (scale[i * groups + g], offset[i * groups + g]) = MinMaxQuantizer.Quantize(xs, bits[i], cs);
                    }
                });
            }
        }
        return new QuantizedActivations(tokens, features, group, codes, symmetric ? SymmetricQuantizer.StoreOffset : 0, scale, offset, bits);
    }

    /// <summary>Features per group: <c>act_group</c>, or d when it is 0.</summary>
    /// <exception cref="InputException"><c>act_group</c> does not divide d.</exception>
    public static int GroupSize(NumericsConfig numerics, int features)
    {
        if (numerics.ActGroup == 0) return features;
        if (features % numerics.ActGroup != 0)
            throw new InputException($"numerics.act_group: {numerics.ActGroup} does not divide the feature count d = {features}");
        return numerics.ActGroup;
    }
}
