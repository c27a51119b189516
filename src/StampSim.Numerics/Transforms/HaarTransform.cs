using System.Numerics;
using StampSim.Numerics;

namespace StampSim.Transforms;

/// <summary>
/// 1-D Haar DWT along the sequence (contract stage 1, <c>haar</c>): any length, odd tails carried
/// unchanged into the approximation band, output order <c>[a_J, e_J, ..., e_1]</c> as PyWavelets' wavedec.
/// </summary>
public sealed class HaarTransform : ISequenceTransform
{
    private readonly ExecutionOptions _options;

    /// <summary>Plans a <paramref name="levels"/>-level transform of <paramref name="length"/> tokens.</summary>
    public HaarTransform(int length, int levels, ExecutionOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfNegative(levels);
        Length = length;
        Levels = levels;
        _options = options;
    }

    /// <inheritdoc />
    public int Length { get; }

    /// <inheritdoc />
    public int Levels { get; }

    /// <inheritdoc />
    public string Description => $"haar(levels={Levels})";

    /// <summary>
    /// The contract's <c>levels: auto</c>: the largest J with <c>2^J &lt;= s</c> and
    /// <c>ceil(s / 2^J) &gt;= hiTokens</c>; 0 when no J qualifies.
    /// </summary>
    public static int AutoLevels(int s, int hiTokens)
    {
        int best = 0;
        for (int j = 1; j < 31 && (1L << j) <= s; j++)
        {
            long band = (s + (1L << j) - 1) >> j;
            if (band >= hiTokens) best = j;
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
        if (Levels == 0 || Length < 2) return;
        int s = Length, levels = Levels;
        ColumnBlocks.Run(data, cols, s, _options, (d, stride, c0, w, scratch) =>
        {
            if (forward) ForwardBlock(d, stride, c0, w, scratch, s, levels);
            else InverseBlock(d, stride, c0, w, scratch, s, levels);
        });
    }

    private static void ForwardBlock<T>(Span<T> d, int stride, int c0, int w, Span<T> scratch, int s, int levels)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T c = PairOps.InvSqrt2<T>();
        int m = s;
        for (int level = 0; level < levels && m > 1; level++)
        {
            int pairs = m / 2, approx = (m + 1) / 2;
            for (int i = 0; i < pairs; i++)
            {
                var v0 = d.Slice((2 * i) * stride + c0, w);
                var v1 = d.Slice((2 * i + 1) * stride + c0, w);
                PairOps.Sum<T>(v0, v1, c, scratch.Slice(i * w, w));
                PairOps.Diff<T>(v0, v1, c, scratch.Slice((approx + i) * w, w));
            }
            if ((m & 1) == 1)
                d.Slice((m - 1) * stride + c0, w).CopyTo(scratch.Slice(pairs * w, w));
            for (int r = 0; r < m; r++)
                scratch.Slice(r * w, w).CopyTo(d.Slice(r * stride + c0, w));
            m = approx;
        }
    }

    private static void InverseBlock<T>(Span<T> d, int stride, int c0, int w, Span<T> scratch, int s, int levels)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T c = PairOps.InvSqrt2<T>();
        Span<int> lengths = stackalloc int[levels + 1];
        lengths[0] = s;
        int used = 0;
        for (int j = 1; j <= levels && lengths[j - 1] > 1; j++, used++)
            lengths[j] = (lengths[j - 1] + 1) / 2;
        for (int level = used - 1; level >= 0; level--)
        {
            int m = lengths[level];
            int pairs = m / 2, approx = (m + 1) / 2;
            for (int i = 0; i < pairs; i++)
            {
                var a = d.Slice(i * stride + c0, w);
                var e = d.Slice((approx + i) * stride + c0, w);
                PairOps.Sum<T>(a, e, c, scratch.Slice(2 * i * w, w));
                PairOps.Diff<T>(a, e, c, scratch.Slice((2 * i + 1) * w, w));
            }
            if ((m & 1) == 1)
                d.Slice(pairs * stride + c0, w).CopyTo(scratch.Slice((m - 1) * w, w));
            for (int r = 0; r < m; r++)
                scratch.Slice(r * w, w).CopyTo(d.Slice(r * stride + c0, w));
        }
    }
}
