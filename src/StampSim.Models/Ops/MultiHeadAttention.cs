using System.Numerics;
using StampSim.Numerics;
using StampSim.Tensors;

namespace StampSim.Models.Ops;

/// <summary>
/// Scaled dot-product attention over a whole sequence with several heads, grouped-query
/// (a key/value head serves <c>heads / kvHeads</c> query heads) and an optional causal mask.
/// Scores, softmax and the weighted sum run in float64; outputs are rounded once.
/// </summary>
public static class MultiHeadAttention
{
    /// <summary>
    /// Attention of <paramref name="q"/> (s, heads·hs) over <paramref name="k"/> and <paramref name="v"/>
    /// (s, kvHeads·hs); returns the heads' outputs side by side, (s, heads·hs).
    /// </summary>
    public static Matrix<float> Apply(Matrix<float> q, Matrix<float> k, Matrix<float> v, int heads, int kvHeads, bool causal, ExecutionOptions options)
    {
        int s = q.Rows, headSize = q.Cols / heads, group = heads / kvHeads;
        if (q.Cols != heads * headSize || heads % kvHeads != 0 || k.Cols != kvHeads * headSize || v.Cols != k.Cols || k.Rows != s || v.Rows != s)
            throw new ArgumentException($"attention shapes q {q}, k {k}, v {v} do not fit {heads} heads over {kvHeads} key/value heads");
        double scale = 1.0 / Math.Sqrt(headSize);
        // Keys and values widened to float64 once (a key serves every query of its group), head-major.
        double[] keys = Widen(k, kvHeads, headSize), values = Widen(v, kvHeads, headSize);
        var output = new Matrix<float>(s, q.Cols);
        Parallel.For(0, heads * s, options.Parallel, () => new double[s + 2 * headSize], (task, _, scratch) =>
        {
            int h = task / s, i = task % s, kvHead = h / group;
            int visible = causal ? i + 1 : s;
            var scores = scratch.AsSpan(0, visible);
            var acc = scratch.AsSpan(s, headSize);
            var query = scratch.AsSpan(s + headSize, headSize);
            ReadOnlySpan<float> row = q.Row(i).Slice(h * headSize, headSize);
            for (int c = 0; c < headSize; c++) query[c] = row[c];
            ReadOnlySpan<double> headKeys = keys.AsSpan(kvHead * s * headSize, s * headSize), headValues = values.AsSpan(kvHead * s * headSize, s * headSize);
            double max = double.NegativeInfinity;
            for (int j = 0; j < visible; j++)
            {
                scores[j] = Float64Dot.Dot(query, headKeys.Slice(j * headSize, headSize)) * scale;
                max = Math.Max(max, scores[j]);
            }
            double sum = 0;
            acc.Clear();
            for (int j = 0; j < visible; j++)
            {
                double p = Math.Exp(scores[j] - max);
                sum += p;
                AddScaled(acc, p, headValues.Slice(j * headSize, headSize));
            }
            Span<float> result = output.Row(i).Slice(h * headSize, headSize);
            for (int c = 0; c < headSize; c++) result[c] = (float)(acc[c] / sum);
            return scratch;
        }, _ => { });
        return output;
    }

    // Columns [g hs, (g+1) hs) of every row, as float64: row j of head g at (g s + j) hs.
    private static double[] Widen(Matrix<float> m, int kvHeads, int headSize)
    {
        int s = m.Rows;
        var widened = new double[(long)kvHeads * s * headSize];
        for (int g = 0; g < kvHeads; g++)
            for (int j = 0; j < s; j++)
            {
                ReadOnlySpan<float> source = m.Row(j).Slice(g * headSize, headSize);
                Span<double> target = widened.AsSpan((g * s + j) * headSize, headSize);
                for (int c = 0; c < headSize; c++) target[c] = source[c];
            }
        return widened;
    }

    // acc[c] += p * value[c], lane by lane (a multiply then an add, never fused: the same bits as the scalar loop).
    private static void AddScaled(Span<double> acc, double p, ReadOnlySpan<double> value)
    {
        int n = acc.Length, width = Vector<double>.Count, c = 0;
        var scale = new Vector<double>(p);
        for (; c <= n - width; c += width)
            (new Vector<double>(acc[c..]) + scale * new Vector<double>(value[c..])).CopyTo(acc[c..]);
        for (; c < n; c++) acc[c] += p * value[c];
    }

    /// <summary>
    /// Attention within each of the independent <paramref name="sequences"/> stacked in <paramref name="q"/>,
    /// <paramref name="k"/> and <paramref name="v"/>: no token attends to another sequence's, and every sequence's
    /// rows are bit for bit what <see cref="Apply(Matrix{float}, Matrix{float}, Matrix{float}, int, int, bool, ExecutionOptions)"/> gives it alone.
    /// </summary>
    public static Matrix<float> Apply(Matrix<float> q, Matrix<float> k, Matrix<float> v, int heads, int kvHeads, bool causal, SequenceBatch sequences, ExecutionOptions options)
    {
        if (sequences.Count == 1) return Apply(q, k, v, heads, kvHeads, causal, options);
        if (sequences.Tokens != q.Rows)
            throw new ArgumentException($"the batch has {sequences.Tokens} tokens, q {q.Rows} rows", nameof(sequences));
        var output = new Matrix<float>(q.Rows, q.Cols);
        for (int i = 0; i < sequences.Count; i++)
        {
            Matrix<float> Sequence(Matrix<float> m) => new(sequences.Lengths[i], m.Cols, sequences.Rows(m.Span, i, m.Cols).ToArray());
            Apply(Sequence(q), Sequence(k), Sequence(v), heads, kvHeads, causal, options).Span.CopyTo(sequences.Rows(output.Span, i, output.Cols));
        }
        return output;
    }
}
