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
        var output = new Matrix<float>(s, q.Cols);
        Parallel.For(0, heads * s, options.Parallel, () => new double[s + headSize], (task, _, scratch) =>
        {
            int h = task / s, i = task % s, kvOffset = h / group * headSize;
            int visible = causal ? i + 1 : s;
            var scores = scratch.AsSpan(0, visible);
            var acc = scratch.AsSpan(s, headSize);
            ReadOnlySpan<float> query = q.Row(i).Slice(h * headSize, headSize);
            double max = double.NegativeInfinity;
            for (int j = 0; j < visible; j++)
            {
                scores[j] = Float64Dot.Dot(query, k.Row(j).Slice(kvOffset, headSize)) * scale;
                max = Math.Max(max, scores[j]);
            }
            double sum = 0;
            acc.Clear();
            for (int j = 0; j < visible; j++)
            {
                double p = Math.Exp(scores[j] - max);
                sum += p;
                ReadOnlySpan<float> value = v.Row(j).Slice(kvOffset, headSize);
                for (int c = 0; c < headSize; c++) acc[c] += p * value[c];
            }
            Span<float> result = output.Row(i).Slice(h * headSize, headSize);
            for (int c = 0; c < headSize; c++) result[c] = (float)(acc[c] / sum);
            return scratch;
        }, _ => { });
        return output;
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
