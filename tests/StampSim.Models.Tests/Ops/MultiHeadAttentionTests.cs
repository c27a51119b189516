using StampSim.Models.Ops;
using StampSim.Numerics;
using StampSim.Tensors;
using StampSim.Tests.Support;

namespace StampSim.Tests.Ops;

public class MultiHeadAttentionTests
{
    private static Matrix<float> Random(int rows, int cols, int seed)
    {
        var rng = new Random(seed);
        var m = new Matrix<float>(rows, cols);
        for (int i = 0; i < m.Data.Length; i++) m.Data[i] = (float)(rng.NextDouble() * 6 - 3);
        return m;
    }

    // The attention as first written: every score a float32 dot accumulated in float64, the weighted sum scalar.
    private static Matrix<float> Plain(Matrix<float> q, Matrix<float> k, Matrix<float> v, int heads, int kvHeads, bool causal)
    {
        int s = q.Rows, hs = q.Cols / heads, group = heads / kvHeads;
        double scale = 1.0 / Math.Sqrt(hs);
        var output = new Matrix<float>(s, q.Cols);
        for (int h = 0; h < heads; h++)
        for (int i = 0; i < s; i++)
        {
            int visible = causal ? i + 1 : s, offset = h / group * hs;
            var scores = new double[visible];
            double max = double.NegativeInfinity, sum = 0;
            for (int j = 0; j < visible; j++)
            {
                scores[j] = Float64Dot.Dot(q.Row(i).Slice(h * hs, hs), k.Row(j).Slice(offset, hs)) * scale;
                max = Math.Max(max, scores[j]);
            }
            var acc = new double[hs];
            for (int j = 0; j < visible; j++)
            {
                double p = Math.Exp(scores[j] - max);
                sum += p;
                for (int c = 0; c < hs; c++) acc[c] += p * v.Row(j)[offset + c];
            }
            for (int c = 0; c < hs; c++) output.Row(i)[h * hs + c] = (float)(acc[c] / sum);
        }
        return output;
    }

    [Theory]
    [InlineData(64, 8, 4, 8, true)]     // stories260K: head size 8, grouped keys
    [InlineData(40, 3, 3, 64, false)]   // a ViT's heads
    [InlineData(33, 4, 2, 20, true)]    // a head size with a vector tail
    [InlineData(17, 2, 1, 3, false)]    // shorter than one vector
    public void Bits_are_those_of_the_plain_float64_attention(int s, int heads, int kvHeads, int headSize, bool causal)
    {
        var q = Random(s, heads * headSize, 1);
        var k = Random(s, kvHeads * headSize, 2);
        var v = Random(s, kvHeads * headSize, 3);
        TestData.AssertBitsEqual(Plain(q, k, v, heads, kvHeads, causal).Span, MultiHeadAttention.Apply(q, k, v, heads, kvHeads, causal, ExecutionOptions.Default).Span, "attention");
    }

    [Fact]
    public void The_float64_dot_of_widened_vectors_is_the_float32_dot_bit_for_bit()
    {
        var rng = new Random(5);
        for (int n = 0; n <= 70; n++)
        {
            var a = Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2e3 - 1e3)).ToArray();
            var b = Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2e-3 - 1e-3)).ToArray();
            double expected = Float64Dot.Dot(a, b), actual = Float64Dot.Dot(a.Select(x => (double)x).ToArray(), b.Select(x => (double)x).ToArray());
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"n = {n}: {expected:R} vs {actual:R}");
        }
    }

    [Fact]
    public void A_batch_attends_within_each_sequence_only()
    {
        int heads = 2, hs = 8;
        var lengths = new[] { 5, 12, 1 };
        var batch = new SequenceBatch(lengths);
        var q = Random(batch.Tokens, heads * hs, 7);
        var k = Random(batch.Tokens, heads * hs, 8);
        var v = Random(batch.Tokens, heads * hs, 9);
        var batched = MultiHeadAttention.Apply(q, k, v, heads, heads, causal: false, batch, ExecutionOptions.Default);
        for (int i = 0; i < batch.Count; i++)
        {
            Matrix<float> Rows(Matrix<float> m) => new(lengths[i], m.Cols, batch.Rows(m.Span, i, m.Cols).ToArray());
            TestData.AssertBitsEqual(Plain(Rows(q), Rows(k), Rows(v), heads, heads, causal: false).Span, batch.Rows(batched.Span, i, batched.Cols), $"sequence {i}");
        }
    }
}
