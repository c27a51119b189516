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
}
