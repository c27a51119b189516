using ILGPU;

namespace StampSim.Gpu.Kernels;

/// <summary>
/// Packs codes four to a 32-bit word for <c>dp4a</c>, in the GEMM layout: every reduction segment
/// (an adder-tree chunk, or a whole group when overflow is impossible) starts a new word and its
/// last word is zero-padded, so a word never mixes two segments. Word <c>w</c> holds features
/// <c>[start[w], start[w] + length[w])</c>, byte <c>k</c> = feature <c>start[w] + k</c>.
/// </summary>
public static class PackKernels
{
    /// <summary>Activation codes: unsigned bytes, or signed when <paramref name="signedCodes"/> (the +128 storage offset removed). Work: <c>tokens * words</c> items.</summary>
    public static void Activations(Index1D index, Work work, ArrayView<byte> codes, ArrayView<int> packed, ArrayView<int> wordStart, ArrayView<int> wordLength,
        int features, int words, int signedCodes)
    {
        int offset = signedCodes != 0 ? ActivationQuantizerKernels.SymmetricStoreOffset : 0;
        for (long e = index; e < work.Count; e += work.Stride)
        {
            int row = (int)(e / words), w = (int)(e - (long)row * words);
            long start = (long)row * features + wordStart[w];
            int value = 0;
            for (int k = 0; k < wordLength[w]; k++)
                value |= ((codes[start + k] - offset) & 0xFF) << (8 * k);
            packed[e] = value;
        }
    }

    /// <summary>Weight codes as signed bytes. Work: <c>outputs * words</c> items.</summary>
    public static void Weights(Index1D index, Work work, ArrayView<sbyte> codes, ArrayView<int> packed, ArrayView<int> wordStart, ArrayView<int> wordLength,
        int features, int words)
    {
        for (long e = index; e < work.Count; e += work.Stride)
        {
            int row = (int)(e / words), w = (int)(e - (long)row * words);
            long start = (long)row * features + wordStart[w];
            int value = 0;
            for (int k = 0; k < wordLength[w]; k++)
                value |= (codes[start + k] & 0xFF) << (8 * k);
            packed[e] = value;
        }
    }
}
