using System.Buffers;
using StampSim.Numerics;
using StampSim.Tensors;

namespace StampSim.Metrics;

/// <summary>
/// The float64 reference <c>Yref = X W^T + b</c> from the original float32 inputs, streamed tile by
/// tile to a consumer so the full float64 output never exists. Every output is the plain sequential
/// sum <c>((x0·w0 + x1·w1) + x2·w2) + …</c> over the reduction index in ascending order, then the bias,
/// whatever the tiling, thread count or instruction set: blocks only reorder independent outputs,
/// never the terms of one. Products of float32 values are exact in float64, so fused and separate
/// multiply-add give the same sums.
/// </summary>
public static class ReferenceGemm
{
    /// <summary>Rows per tile.</summary>
    public const int TileRows = 512;

    /// <summary>Output channels per tile.</summary>
    public const int TileCols = 512;

    /// <summary>
    /// Reduction indices per packed block: an 8 x 512 row panel (32 KB) fills L1 and the 512 x 512 weight block
    /// (2 MB) L2. The tile's sums (2 MB) stream once per block, so deep blocks pass over them less often: on the
    /// 2 MB-L2 development machine 512 ran 4% faster than 128 or 1024 (one ordering of the terms either way).
    /// </summary>
    private const int DepthBlock = 512;

    /// <summary>Receives one tile: rows [i0, i0+rows) x channels [n0, n0+cols), row-major in <paramref name="tile"/>.</summary>
    public delegate void TileConsumer(int i0, int rows, int n0, int cols, ReadOnlySpan<double> tile);

    /// <summary>Computes every tile of Yref in parallel and hands each to <paramref name="consume"/>.</summary>
    public static void ForEachTile(Matrix<float> x, Matrix<float> w, float[]? bias, ExecutionOptions options, TileConsumer consume)
    {
        int s = x.Rows, d = x.Cols, n = w.Rows;
        int rowTiles = (s + TileRows - 1) / TileRows, colTiles = (n + TileCols - 1) / TileCols;
        Parallel.For(0, rowTiles * colTiles, options.Parallel, () => new ReferenceTile(Math.Min(s, TileRows), Math.Min(n, TileCols)), (t, _, work) =>
        {
            int i0 = t / colTiles * TileRows, n0 = t % colTiles * TileCols;
            int rows = Math.Min(TileRows, s - i0), cols = Math.Min(TileCols, n - n0);
            var c = work.C;
            Array.Clear(c, 0, work.CLength);
            for (int k0 = 0; k0 < d; k0 += DepthBlock)
            {
                int kc = Math.Min(DepthBlock, d - k0);
                // The weight block is packed once per tile and depth block, each row panel once per
                // column tile: packing stays a few percent of the multiply-adds.
                ReferencePanels.PackColumns(w.Data, d, n0, cols, k0, kc, work.B);
                for (int m = 0; m * ReferenceKernel.Mr < rows; m++)
                {
                    int r0 = m * ReferenceKernel.Mr;
                    ReferencePanels.PackRows(x.Data, d, i0 + r0, Math.Min(ReferenceKernel.Mr, rows - r0), k0, kc, work.A);
                    for (int p = 0; p * ReferenceKernel.Nr < cols; p++)
                        ReferenceKernel.Accumulate(work.A, work.B.AsSpan(p * ReferenceKernel.Nr * kc), kc,
                            c.AsSpan(r0 * TileCols + p * ReferenceKernel.Nr), TileCols);
                }
            }
            // Compact to rows x cols in place (row r moves to r·cols ≤ r·TileCols) and add the bias.
            for (int r = 0; r < rows; r++)
            {
                var dst = c.AsSpan(r * cols, cols);
                c.AsSpan(r * TileCols, cols).CopyTo(dst);
                if (bias is not null)
                    for (int j = 0; j < cols; j++) dst[j] += bias[n0 + j];
            }
            consume(i0, rows, n0, cols, c.AsSpan(0, rows * cols));
            return work;
        }, work => work.Return());
    }

    /// <summary>
    /// One worker's buffers: one packed row panel, one packed weight block and the tile's float64
    /// sums (row stride <see cref="TileCols"/>), padded to whole micro-panels so edge kernels stay in
    /// range and sized down for small layers. Rented from the shared pool: fresh pages would cost a fault
    /// each on every call. Packing writes every slot it reads, and the sums are cleared per tile.
    /// </summary>
    private sealed class ReferenceTile(int rows, int cols)
    {
        public readonly double[] A = ArrayPool<double>.Shared.Rent(ReferenceKernel.Mr * DepthBlock);
        public readonly double[] B = ArrayPool<double>.Shared.Rent(RoundUp(cols, ReferenceKernel.Nr) * DepthBlock);
        public readonly int CLength = SumsLength(rows);
        public readonly double[] C = ArrayPool<double>.Shared.Rent(SumsLength(rows));

        public void Return()
        {
            ArrayPool<double>.Shared.Return(A);
            ArrayPool<double>.Shared.Return(B);
            ArrayPool<double>.Shared.Return(C);
        }

        private static int SumsLength(int rows) => RoundUp(rows, ReferenceKernel.Mr) * TileCols;

        private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
    }
}
