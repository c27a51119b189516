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
    public const int TileRows = 64;

    /// <summary>Output channels per tile.</summary>
    public const int TileCols = 256;

    /// <summary>Reduction indices per packed block (an 8 x 256 operand panel stays in L1, the 256 x 256 weight block in L2).</summary>
    private const int DepthBlock = 128;

    /// <summary>Receives one tile: rows [i0, i0+rows) x channels [n0, n0+cols), row-major in <paramref name="tile"/>.</summary>
    public delegate void TileConsumer(int i0, int rows, int n0, int cols, ReadOnlySpan<double> tile);

    /// <summary>Computes every tile of Yref in parallel and hands each to <paramref name="consume"/>.</summary>
    public static void ForEachTile(Matrix<float> x, Matrix<float> w, float[]? bias, ExecutionOptions options, TileConsumer consume)
    {
        int s = x.Rows, d = x.Cols, n = w.Rows;
        int rowTiles = (s + TileRows - 1) / TileRows, colTiles = (n + TileCols - 1) / TileCols;
        Parallel.For(0, rowTiles * colTiles, options.Parallel, () => new ReferenceTile(), (t, _, work) =>
        {
            int i0 = t / colTiles * TileRows, n0 = t % colTiles * TileCols;
            int rows = Math.Min(TileRows, s - i0), cols = Math.Min(TileCols, n - n0);
            var c = work.C;
            Array.Clear(c);
            for (int k0 = 0; k0 < d; k0 += DepthBlock)
            {
                int kc = Math.Min(DepthBlock, d - k0);
                ReferencePanels.PackRows(x.Data, d, i0, rows, k0, kc, work.A);
                ReferencePanels.PackColumns(w.Data, d, n0, cols, k0, kc, work.B);
                for (int p = 0; p < TileCols / ReferenceKernel.Nr && p * ReferenceKernel.Nr < cols; p++)
                    for (int m = 0; m < TileRows / ReferenceKernel.Mr && m * ReferenceKernel.Mr < rows; m++)
                        ReferenceKernel.Accumulate(work.A.AsSpan(m * ReferenceKernel.Mr * kc), work.B.AsSpan(p * ReferenceKernel.Nr * kc), kc,
                            c.AsSpan(m * ReferenceKernel.Mr * TileCols + p * ReferenceKernel.Nr), TileCols);
            }
            var tile = work.Output.AsSpan(0, rows * cols);
            for (int r = 0; r < rows; r++)
            {
                var src = c.AsSpan(r * TileCols, cols);
                var dst = tile.Slice(r * cols, cols);
                src.CopyTo(dst);
                if (bias is not null)
                    for (int j = 0; j < cols; j++) dst[j] += bias[n0 + j];
            }
            consume(i0, rows, n0, cols, tile);
            return work;
        }, _ => { });
    }

    /// <summary>One worker's buffers: packed operands of one depth block and the tile's float64 sums.</summary>
    private sealed class ReferenceTile
    {
        public readonly double[] A = new double[TileRows * DepthBlock];
        public readonly double[] B = new double[TileCols * DepthBlock];
        public readonly double[] C = new double[TileRows * TileCols];
        public readonly double[] Output = new double[TileRows * TileCols];
    }
}
