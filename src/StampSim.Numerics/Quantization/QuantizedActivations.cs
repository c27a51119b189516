namespace StampSim.Quantization;

/// <summary>
/// Activation codes with their per-token (or per-group) scales. Codes are stored as bytes with a
/// fixed <see cref="CodeOffset"/> (0 for min-max codes 0..2^b−1, 128 for symmetric codes
/// −qmax..qmax) so every quantizer feeds the same unsigned×signed integer GEMM.
/// </summary>
public sealed class QuantizedActivations
{
    /// <summary>Creates the container; arrays are owned by the instance.</summary>
    public QuantizedActivations(int tokens, int features, int groupSize, byte[] codes, int codeOffset, float[] scale, float[] offset, int[] bits)
    {
        if (features % groupSize != 0) throw new ArgumentException("group size must divide features");
        Tokens = tokens;
        Features = features;
        GroupSize = groupSize;
        Codes = codes;
        CodeOffset = codeOffset;
        Scale = scale;
        Offset = offset;
        Bits = bits;
    }

    /// <summary>Number of tokens s.</summary>
    public int Tokens { get; }

    /// <summary>Number of features d.</summary>
    public int Features { get; }

    /// <summary>Features per quantization group (d when per token).</summary>
    public int GroupSize { get; }

    /// <summary>Groups per token.</summary>
    public int Groups => Features / GroupSize;

    /// <summary>Stored codes, s x d row-major: code + <see cref="CodeOffset"/>.</summary>
    public byte[] Codes { get; }

    /// <summary>Added to every code before storage (0 or 128).</summary>
    public int CodeOffset { get; }

    /// <summary><c>delta</c> per token and group, s x groups.</summary>
    public float[] Scale { get; }

    /// <summary><c>mn</c> per token and group, s x groups (0 for symmetric).</summary>
    public float[] Offset { get; }

    /// <summary>Bits of each token.</summary>
    public int[] Bits { get; }

    /// <summary>The signed integer code of token <paramref name="i"/>, feature <paramref name="j"/>.</summary>
    public int Code(int i, int j) => Codes[i * Features + j] - CodeOffset;
}
