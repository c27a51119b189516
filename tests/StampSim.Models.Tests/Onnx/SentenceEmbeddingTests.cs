using StampSim.Models.Onnx;

namespace StampSim.Tests.Onnx;

public class SentenceEmbeddingTests
{
    [Fact]
    public void Pool_averages_unmasked_tokens_and_normalises()
    {
        // Tokens (3, 4), (1, 0) and a masked (100, 100): the mean of the first two is (2, 2).
        var hidden = OnnxTensor.Of(new float[] { 3, 4, 1, 0, 100, 100 }, 1, 3, 2);
        var pooled = SentenceEmbedding.Pool(hidden, OnnxTensor.Of(new long[] { 1, 1, 0 }, 1, 3));
        Assert.Equal(Math.Sqrt(0.5), pooled[0], 12);
        Assert.Equal(Math.Sqrt(0.5), pooled[1], 12);
    }

    [Fact]
    public void A_mask_that_hides_every_token_is_an_input_error()
    {
        var hidden = OnnxTensor.Of(new float[] { 1, 2 }, 1, 1, 2);
        Assert.Throws<InputException>(() => SentenceEmbedding.Pool(hidden, OnnxTensor.Of(new long[] { 0 }, 1, 1)));
    }

    [Fact]
    public void Cosine_and_sqnr_of_a_comparison()
    {
        Assert.Equal(0, SentenceEmbedding.Cosine([1, 0], [0, 2]), 12);
        Assert.Equal(-1, SentenceEmbedding.Cosine([1, 1], [-2, -2]), 12);
        var c = EncoderComparison.Of([[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.1], [0.0, 1.0]]);
        Assert.Equal(10 * Math.Log10(1 / 0.01), c.SqnrDb[0], 9);
        Assert.True(double.IsPositiveInfinity(c.SqnrDb[1]));
        Assert.Equal(1 / Math.Sqrt(1.01), c.Cosines[0], 12);
    }
}
