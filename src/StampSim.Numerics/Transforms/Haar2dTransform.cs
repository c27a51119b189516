using System.Numerics;
using StampSim.Numerics;

namespace StampSim.Transforms;

/// <summary>
/// 2-D Haar DWT over a row-major token grid (contract stage 1, <c>haar2d</c>): each level pairs
/// columns within rows, then rows within columns; output order <c>LL_J</c>, then
/// <c>HL_j, LH_j, HH_j</c> for <c>j = J..1</c>, each band row-major.
/// </summary>
public sealed class Haar2dTransform : ISequenceTransform
{
    private readonly ExecutionOptions _options;

    /// <summary>Plans a transform of <paramref name="grid"/> with <paramref name="levels"/> levels.</summary>
    /// <exception cref="InputException">The grid is not divisible by 2^levels.</exception>
    public Haar2dTransform(TokenGrid grid, int levels, ExecutionOptions options)
    {
        Validate(grid, levels);
        Grid = grid;
        Levels = levels;
        _options = options;
    }

    /// <summary>The token grid.</summary>
    public TokenGrid Grid { get; }

    /// <inheritdoc />
    public int Length => Grid.Count;

    /// <inheritdoc />
    public int Levels { get; }

    /// <inheritdoc />
    public string Description => $"haar2d(grid={Grid}, levels={Levels})";

    /// <summary>Rejects a grid whose sides are not divisible by <c>2^levels</c>.</summary>
    /// <exception cref="InputException">The grid does not divide.</exception>
    public static void Validate(TokenGrid grid, int levels)
    {
        int f = 1 << levels;
        if (grid.Height % f != 0 || grid.Width % f != 0)
            throw new InputException($"numerics.grid: haar2d with {levels} levels needs both grid sides divisible by {f}, got {grid}");
    }

    /// <summary>
    /// <c>levels: auto</c> for grids: the largest J that divides both sides with an LL band of at
    /// least <paramref name="hiTokens"/> tokens (the 1-D rule applied to the band size); 0 when none.
    /// </summary>
    public static int AutoLevels(TokenGrid grid, int hiTokens)
    {
        int best = 0;
        for (int j = 1; j < 16; j++)
        {
            int f = 1 << j;
            if (grid.Height % f != 0 || grid.Width % f != 0) break;
            if ((long)(grid.Height / f) * (grid.Width / f) >= hiTokens) best = j;
        }
        return best;
    }

    /// <inheritdoc />
    public void Forward(Span<float> data, int cols) => Run(data, cols, forward: true);

    /// <inheritdoc />
    public void Inverse(Span<float> data, int cols) => Run(data, cols, forward: false);

    /// <inheritdoc />
    public void Forward(Span<double> data, int cols) => Run(data, cols, forward: true);

    /// <inheritdoc />
    public void Inverse(Span<double> data, int cols) => Run(data, cols, forward: false);

    private void Run<T>(Span<T> data, int cols, bool forward) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (data.Length != Length * cols)
            throw new ArgumentException($"expected {Length}x{cols} values, got {data.Length}");
        if (Levels == 0) return;
        int h = Grid.Height, wg = Grid.Width, levels = Levels;
        // Scratch: the four output bands of one level plus four temporary rows.
        ColumnBlocks.Run(data, cols, Length + 4, _options, (d, stride, c0, w, scratch) =>
        {
            if (forward)
            {
                for (int j = 0; j < levels; j++)
                    ForwardLevel(d, stride, c0, w, scratch, h >> j, wg >> j);
            }
            else
            {
                for (int j = levels - 1; j >= 0; j--)
                    InverseLevel(d, stride, c0, w, scratch, h >> j, wg >> j);
            }
        });
    }

    private static void ForwardLevel<T>(Span<T> d, int stride, int c0, int w, Span<T> scratch, int h, int wg)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T c = PairOps.InvSqrt2<T>();
        int hh = h / 2, ww = wg / 2, q = hh * ww;
        var tmp = scratch.Slice(4 * q * w, 4 * w);
        Span<T> lw0 = tmp[..w], hw0 = tmp.Slice(w, w), lw1 = tmp.Slice(2 * w, w), hw1 = tmp.Slice(3 * w, w);
        for (int r = 0; r < hh; r++)
        {
            for (int col = 0; col < ww; col++)
            {
                // Width first: rows 2r and 2r+1 pair their columns 2col and 2col+1.
                var a00 = Token(d, stride, c0, w, (2 * r) * wg + 2 * col);
                var a01 = Token(d, stride, c0, w, (2 * r) * wg + 2 * col + 1);
                var a10 = Token(d, stride, c0, w, (2 * r + 1) * wg + 2 * col);
                var a11 = Token(d, stride, c0, w, (2 * r + 1) * wg + 2 * col + 1);
                PairOps.Sum<T>(a00, a01, c, lw0);
                PairOps.Diff<T>(a00, a01, c, hw0);
                PairOps.Sum<T>(a10, a11, c, lw1);
                PairOps.Diff<T>(a10, a11, c, hw1);
                // Then height: pair the two rows of each width band.
                int o = r * ww + col;
                PairOps.Sum<T>(lw0, lw1, c, scratch.Slice(o * w, w));               // LL
                PairOps.Sum<T>(hw0, hw1, c, scratch.Slice((q + o) * w, w));         // HL
                PairOps.Diff<T>(lw0, lw1, c, scratch.Slice((2 * q + o) * w, w));    // LH
                PairOps.Diff<T>(hw0, hw1, c, scratch.Slice((3 * q + o) * w, w));    // HH
            }
        }
        for (int t = 0; t < 4 * q; t++)
            scratch.Slice(t * w, w).CopyTo(d.Slice(t * stride + c0, w));
    }

    private static void InverseLevel<T>(Span<T> d, int stride, int c0, int w, Span<T> scratch, int h, int wg)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T c = PairOps.InvSqrt2<T>();
        int hh = h / 2, ww = wg / 2, q = hh * ww;
        var tmp = scratch.Slice(4 * q * w, 4 * w);
        Span<T> lw0 = tmp[..w], hw0 = tmp.Slice(w, w), lw1 = tmp.Slice(2 * w, w), hw1 = tmp.Slice(3 * w, w);
        for (int r = 0; r < hh; r++)
        {
            for (int col = 0; col < ww; col++)
            {
                int o = r * ww + col;
                var ll = Token(d, stride, c0, w, o);
                var hl = Token(d, stride, c0, w, q + o);
                var lh = Token(d, stride, c0, w, 2 * q + o);
                var hhb = Token(d, stride, c0, w, 3 * q + o);
                PairOps.Sum<T>(ll, lh, c, lw0);
                PairOps.Diff<T>(ll, lh, c, lw1);
                PairOps.Sum<T>(hl, hhb, c, hw0);
                PairOps.Diff<T>(hl, hhb, c, hw1);
                PairOps.Sum<T>(lw0, hw0, c, scratch.Slice(((2 * r) * wg + 2 * col) * w, w));
                PairOps.Diff<T>(lw0, hw0, c, scratch.Slice(((2 * r) * wg + 2 * col + 1) * w, w));
                PairOps.Sum<T>(lw1, hw1, c, scratch.Slice(((2 * r + 1) * wg + 2 * col) * w, w));
                PairOps.Diff<T>(lw1, hw1, c, scratch.Slice(((2 * r + 1) * wg + 2 * col + 1) * w, w));
            }
        }
        for (int t = 0; t < 4 * q; t++)
            scratch.Slice(t * w, w).CopyTo(d.Slice(t * stride + c0, w));
    }

    private static Span<T> Token<T>(Span<T> d, int stride, int c0, int w, int token) => d.Slice(token * stride + c0, w);
}
