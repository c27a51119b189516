using ILGPU;
using StampSim.Gpu.Arithmetic;

namespace StampSim.Gpu.Kernels;

/// <summary>
/// Stage 3, the integer GEMM in the MAC array's reduction order, as a tiled shared-memory kernel:
/// each thread group computes 32 x 32 (token, output) tiles, staging 16 packed words of each operand
/// in shared memory per step; each thread owns a 2 x 2 block of outputs. Exact chunk sums come from
/// <c>dp4a</c>; at the end of every chunk (a flag on its last word) the sum is brought into
/// <c>tree_bits</c> and added into the <c>acc_bits</c> accumulator, each brought into range and each
/// out-of-range value counted; at the end of every group the accumulator is stored and restarts.
/// </summary>
public static class GemmKernels
{
    /// <summary>Threads per group.</summary>
    public const int GroupThreads = 256;

    /// <summary>Tokens and outputs per tile side.</summary>
    public const int Tile = 32;

    /// <summary>Packed words staged per step.</summary>
    public const int StepWords = 16;

    /// <summary>Word flag: the word ends an adder-tree chunk.</summary>
    public const int ChunkEnd = 1;

    /// <summary>Word flag: the word ends an activation group (and its chunk).</summary>
    public const int GroupEnd = 2;

    /// <summary>
    /// Explicitly grouped (<see cref="GroupThreads"/> threads); groups stride over the tiles.
    /// <paramref name="acc"/> receives <c>(tokens, groups, outputs)</c>; <paramref name="events"/>
    /// receives <c>[tree, accumulator]</c> event counts by atomic addition.
    /// </summary>
    public static void Multiply(ArrayView<int> a, ArrayView<int> b, ArrayView<int> flags, ArrayView<long> acc, ArrayView<long> events, GemmParameters p)
    {
        var aTile = SharedMemory.Allocate<int>(StepWords * Tile);
        var bTile = SharedMemory.Allocate<int>(StepWords * Tile);
        var fTile = SharedMemory.Allocate<int>(StepWords);
        int t = Group.IdxX, tx = t % 16, ty = t / 16;
        int tilesN = (p.Outputs + Tile - 1) / Tile;
        int tiles = (p.Tokens + Tile - 1) / Tile * tilesN;
        long treeEvents = 0, accEvents = 0;
        for (int tile = Grid.IdxX; tile < tiles; tile += Grid.DimX)
        {
            int token0 = tile / tilesN * Tile, output0 = tile % tilesN * Tile;
            int i0 = token0 + 2 * ty, n0 = output0 + 2 * tx;
            bool row0 = i0 < p.Tokens, row1 = i0 + 1 < p.Tokens, col0 = n0 < p.Outputs, col1 = n0 + 1 < p.Outputs;
            int c00 = 0, c01 = 0, c10 = 0, c11 = 0;
            long s00 = 0, s01 = 0, s10 = 0, s11 = 0;
            int g = 0;
            for (int k0 = 0; k0 < p.Words; k0 += StepWords)
            {
                for (int e = t; e < StepWords * Tile; e += GroupThreads)
                {
                    int r = e / StepWords, k = e % StepWords, w = k0 + k;
                    int token = token0 + r, output = output0 + r;
                    aTile[k * Tile + r] = token < p.Tokens && w < p.Words ? a[(long)token * p.Words + w] : 0;
                    bTile[k * Tile + r] = output < p.Outputs && w < p.Words ? b[(long)output * p.Words + w] : 0;
                }
                if (t < StepWords)
                    fTile[t] = k0 + t < p.Words ? flags[k0 + t] : 0;
                Group.Barrier();
                for (int k = 0; k < StepWords; k++)
                {
                    int a0 = aTile[k * Tile + 2 * ty], a1 = aTile[k * Tile + 2 * ty + 1];
                    int b0 = bTile[k * Tile + 2 * tx], b1 = bTile[k * Tile + 2 * tx + 1];
                    if (p.SignedActivations != 0)
                    {
                        c00 = Dp4a.SignedBySigned(a0, b0, c00);
                        c01 = Dp4a.SignedBySigned(a0, b1, c01);
                        c10 = Dp4a.SignedBySigned(a1, b0, c10);
                        c11 = Dp4a.SignedBySigned(a1, b1, c11);
                    }
                    else
                    {
                        c00 = Dp4a.UnsignedBySigned(a0, b0, c00);
                        c01 = Dp4a.UnsignedBySigned(a0, b1, c01);
                        c10 = Dp4a.UnsignedBySigned(a1, b0, c10);
                        c11 = Dp4a.UnsignedBySigned(a1, b1, c11);
                    }
                    int f = fTile[k];
                    if (f == 0) continue;
                    s00 = AddChunk(s00, c00, p, row0 && col0, ref treeEvents, ref accEvents);
                    s01 = AddChunk(s01, c01, p, row0 && col1, ref treeEvents, ref accEvents);
                    s10 = AddChunk(s10, c10, p, row1 && col0, ref treeEvents, ref accEvents);
                    s11 = AddChunk(s11, c11, p, row1 && col1, ref treeEvents, ref accEvents);
                    c00 = c01 = c10 = c11 = 0;
                    if ((f & GroupEnd) == 0) continue;
                    if (row0 && col0) acc[Index(i0, g, n0, p)] = s00;
                    if (row0 && col1) acc[Index(i0, g, n0 + 1, p)] = s01;
                    if (row1 && col0) acc[Index(i0 + 1, g, n0, p)] = s10;
                    if (row1 && col1) acc[Index(i0 + 1, g, n0 + 1, p)] = s11;
                    s00 = s01 = s10 = s11 = 0;
                    g++;
                }
                Group.Barrier();
            }
        }
        if (treeEvents != 0) Atomic.Add(ref events[0], treeEvents);
        if (accEvents != 0) Atomic.Add(ref events[1], accEvents);
    }

    /// <summary>Closes one chunk: its sum into <c>tree_bits</c>, then the accumulator addition into <c>acc_bits</c>; events count only for real outputs.</summary>
    private static long AddChunk(long accumulator, int chunk, GemmParameters p, bool real, ref long treeEvents, ref long accEvents)
    {
        long c = chunk;
        if (!DeviceRange.Fits(c, p.TreeBits))
        {
            if (real) treeEvents++;
            c = DeviceRange.Bring(c, p.TreeBits, p.Wrap != 0);
        }
        long sum = accumulator + c;
        if (!DeviceRange.Fits(sum, p.AccBits))
        {
            if (real) accEvents++;
            sum = DeviceRange.Bring(sum, p.AccBits, p.Wrap != 0);
        }
        return sum;
    }

    private static long Index(int token, int group, int output, GemmParameters p) => ((long)token * p.Groups + group) * p.Outputs + output;
}
