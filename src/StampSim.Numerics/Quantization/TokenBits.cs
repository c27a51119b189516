using StampSim.Tensors;

namespace StampSim.Quantization;

/// <summary>The contract's positional bit allocation: the first <c>hi_tokens</c> transformed tokens get <c>hi_bits</c>, the rest <c>lo_bits</c>.</summary>
public static class TokenBits
{
    /// <summary>Bits of each of <paramref name="tokens"/> tokens.</summary>
    public static int[] Allocate(int tokens, int hiTokens, int hiBits, int loBits)
    {
        var bits = new int[tokens];
        for (int i = 0; i < tokens; i++)
            bits[i] = i < hiTokens ? hiBits : loBits;
        return bits;
    }

    /// <summary>Bits of every token of <paramref name="batch"/>: each sequence's own allocation, in order.</summary>
    public static int[] Allocate(SequenceBatch batch, int hiTokens, int hiBits, int loBits)
    {
        var bits = new int[batch.Tokens];
        for (int k = 0; k < batch.Count; k++)
            Allocate(batch.Lengths[k], hiTokens, hiBits, loBits).CopyTo(bits, batch.Offsets[k]);
        return bits;
    }

    /// <summary>The widest bit-width <see cref="Allocate(int, int, int, int)"/> gives any of <paramref name="tokens"/> tokens (2, the narrowest, for none).</summary>
    public static int Max(int tokens, int hiTokens, int hiBits, int loBits)
    {
        if (tokens == 0) return 2;
        bool anyHi = hiTokens > 0, anyLo = tokens > hiTokens;
        return anyHi && anyLo ? Math.Max(hiBits, loBits) : anyHi ? hiBits : loBits;
    }
}
