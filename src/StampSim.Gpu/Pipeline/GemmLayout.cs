using StampSim.Gemm;
using StampSim.Gpu.Kernels;

namespace StampSim.Gpu.Pipeline;

/// <summary>
/// The packed reduction axis of the GPU GEMM, derived from the golden engine's segments: each
/// segment starts a new 4-code word; per word, its first feature, how many features it holds and
/// whether it ends a chunk or a group.
/// </summary>
/// <param name="Words">Packed words per row.</param>
/// <param name="WordStart">First feature of each word.</param>
/// <param name="WordLength">Features in each word (1 to 4).</param>
/// <param name="Flags">Per word: <see cref="GemmKernels.ChunkEnd"/> and <see cref="GemmKernels.GroupEnd"/> bits.</param>
/// <param name="WholeGroups">True when each segment is a whole group (overflow proved impossible, as the golden fast path).</param>
public sealed record GemmLayout(int Words, int[] WordStart, int[] WordLength, int[] Flags, bool WholeGroups)
{
    /// <summary>
    /// Cuts <paramref name="features"/> into chunks of <paramref name="chunk"/> restarting at every
    /// group (the contract's order), or into whole groups when <paramref name="wholeGroups"/>.
    /// </summary>
    public static GemmLayout Create(int features, int groupSize, int chunk, bool wholeGroups)
    {
        var segments = Segments.Cut(features, groupSize, wholeGroups ? groupSize : chunk);
        int words = Segments.TotalK4(segments);
        var start = new int[words];
        var length = new int[words];
        var flags = new int[words];
        foreach (var seg in segments)
        {
            for (int k = 0; k < seg.K4Count; k++)
            {
                int w = seg.K4Offset + k;
                start[w] = seg.Start + 4 * k;
                length[w] = Math.Min(4, seg.Length - 4 * k);
            }
            flags[seg.K4Offset + seg.K4Count - 1] = GemmKernels.ChunkEnd | (seg.LastInGroup ? GemmKernels.GroupEnd : 0);
        }
        return new GemmLayout(words, start, length, flags, wholeGroups);
    }
}
