using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using System.Runtime.Intrinsics;
using StampSim.Numerics;
using StampSim.Tensors;

namespace StampSim.Metrics;

/// <summary>
/// The float64 reference <c>Yref = X W^T + b</c> from the original float32 inputs, streamed tile by
/// tile to a consumer so the full float64 output never exists. Every dot product is summed in one
/// fixed order — lane k of a 4-lane accumulator takes the indices ≡ k (mod 4) in ascending order,
/// then <c>(l0 + l1) + (l2 + l3)</c>, then the tail — whatever the tiling, thread count or
/// instruction set. Products of float32 values are exact in float64, so fused and separate
/// multiply-add give the same sums.
/// </summary>
public static unsafe class ReferenceGemm
{
    /// <summary>Rows per tile.</summary>
    public const int TileRows = 64;

    /// <summary>Output channels per tile.</summary>
    public const int TileCols = 256;

    /// <summary>Receives one tile: rows [i0, i0+rows) x channels [n0, n0+cols), row-major in <paramref name="tile"/>.</summary>
    public delegate void TileConsumer(int i0, int rows, int n0, int cols, ReadOnlySpan<double> tile);

    /// <summary>Computes every tile of Yref in parallel and hands each to <paramref name="consume"/>.</summary>
    public static void ForEachTile(Matrix<float> x, Matrix<float> w, float[]? bias, ExecutionOptions options, TileConsumer consume)
    {
        int s = x.Rows, d = x.Cols, n = w.Rows;
        int rowTiles = (s + TileRows - 1) / TileRows, colTiles = (n + TileCols - 1) / TileCols;
        Parallel.For(0, rowTiles * colTiles, options.Parallel, () => new double[TileRows * TileCols], (t, _, tile) =>
        {
            int i0 = t / colTiles * TileRows, n0 = t % colTiles * TileCols;
            int rows = Math.Min(TileRows, s - i0), cols = Math.Min(TileCols, n - n0);
            fixed (float* px = x.Data)
            fixed (float* pw = w.Data)
            fixed (double* py = tile)
            {
                for (int r = 0; r < rows; r += 4)
                {
                    for (int c = 0; c < cols; c += 4)
                    {
                        int rr = Math.Min(4, rows - r), cc = Math.Min(4, cols - c);
                        if (rr == 4 && cc == 4)
                            Block4x4(px + (long)(i0 + r) * d, pw + (long)(n0 + c) * d, d, py + r * cols + c, cols);
                        else
                            for (int a = 0; a < rr; a++)
                                for (int b = 0; b < cc; b++)
                                    py[(r + a) * cols + c + b] = Dot(px + (long)(i0 + r + a) * d, pw + (long)(n0 + c + b) * d, d);
                    }
                }
            }
            var span = tile.AsSpan(0, rows * cols);
            if (bias is not null)
                for (int r = 0; r < rows; r++)
                    for (int c = 0; c < cols; c++)
                        span[r * cols + c] += bias[n0 + c];
            consume(i0, rows, n0, cols, span);
            return tile;
        }, _ => { });
    }

    /// <summary>One dot product in the fixed order.</summary>
    public static double Dot(float* a, float* b, int d)
    {
        var acc = Vector256<double>.Zero;
        int j = 0;
        for (; j + 4 <= d; j += 4)
            acc = MulAdd(Load(a + j), Load(b + j), acc);
        return Finish(acc, a, b, j, d);
    }

    private static void Block4x4(float* x, float* w, int d, double* y, int ldy)
    {
        Vector256<double> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector256<double> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector256<double> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector256<double> c30 = default, c31 = default, c32 = default, c33 = default;
        float* x0 = x, x1 = x + d, x2 = x + 2 * d, x3 = x + 3 * d;
        float* w0 = w, w1 = w + d, w2 = w + 2 * d, w3 = w + 3 * d;
        int j = 0;
        for (; j + 4 <= d; j += 4)
        {
            var b0 = Load(w0 + j); var b1 = Load(w1 + j); var b2 = Load(w2 + j); var b3 = Load(w3 + j);
            var a = Load(x0 + j);
            c00 = MulAdd(a, b0, c00); c01 = MulAdd(a, b1, c01); c02 = MulAdd(a, b2, c02); c03 = MulAdd(a, b3, c03);
            a = Load(x1 + j);
            c10 = MulAdd(a, b0, c10); c11 = MulAdd(a, b1, c11); c12 = MulAdd(a, b2, c12); c13 = MulAdd(a, b3, c13);
            a = Load(x2 + j);
            c20 = MulAdd(a, b0, c20); c21 = MulAdd(a, b1, c21); c22 = MulAdd(a, b2, c22); c23 = MulAdd(a, b3, c23);
            a = Load(x3 + j);
            c30 = MulAdd(a, b0, c30); c31 = MulAdd(a, b1, c31); c32 = MulAdd(a, b2, c32); c33 = MulAdd(a, b3, c33);
        }
        y[0] = Finish(c00, x0, w0, j, d); y[1] = Finish(c01, x0, w1, j, d); y[2] = Finish(c02, x0, w2, j, d); y[3] = Finish(c03, x0, w3, j, d);
        y += ldy;
        y[0] = Finish(c10, x1, w0, j, d); y[1] = Finish(c11, x1, w1, j, d); y[2] = Finish(c12, x1, w2, j, d); y[3] = Finish(c13, x1, w3, j, d);
        y += ldy;
        y[0] = Finish(c20, x2, w0, j, d); y[1] = Finish(c21, x2, w1, j, d); y[2] = Finish(c22, x2, w2, j, d); y[3] = Finish(c23, x2, w3, j, d);
        y += ldy;
        y[0] = Finish(c30, x3, w0, j, d); y[1] = Finish(c31, x3, w1, j, d); y[2] = Finish(c32, x3, w2, j, d); y[3] = Finish(c33, x3, w3, j, d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Finish(Vector256<double> acc, float* a, float* b, int j, int d)
    {
        double sum = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        for (; j < d; j++) sum += (double)a[j] * b[j];
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(float* p) =>
        Avx.IsSupported ? Avx.ConvertToVector256Double(Sse.LoadVector128(p)) : Vector256.Create((double)p[0], p[1], p[2], p[3]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MulAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : a * b + c;
}
