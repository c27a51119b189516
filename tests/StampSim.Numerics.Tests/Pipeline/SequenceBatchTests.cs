using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Tensors;
using StampSim.Tests.Support;

namespace StampSim.Tests.Pipeline;

/// <summary>A batch of ragged sequences in one golden call gives, row for row, the bits of each sequence run alone.</summary>
public class SequenceBatchTests
{
    private const int D = 64, N = 24;

    public static TheoryData<string, NumericsConfig, int[]> Batches() => new()
    {
        // Auto levels differ with the length; hi_tokens above some lengths; a one-token sequence.
        { "haar auto levels", new NumericsConfig { HiTokens = 8 }, [37, 5, 1, 64, 12] },
        { "haar, hadamard, symmetric groups", new NumericsConfig { HiTokens = 4, FeatureTransform = FeatureTransformKind.Hadamard, ActQuant = ActQuantKind.Symmetric, ActGroup = 16 }, [9, 30, 2] },
        { "dct", new NumericsConfig { Transform = SequenceTransformKind.Dct, HiTokens = 3, WeightBits = 8 }, [19, 7, 19] },
        { "wht", new NumericsConfig { Transform = SequenceTransformKind.Wht, HiTokens = 2 }, [16, 4, 32] },
        { "haar2d grid with a prefix token", new NumericsConfig { Transform = SequenceTransformKind.Haar2d, Grid = new TokenGrid(4, 6), PrefixTokens = 1, HiTokens = 5, Levels = 1 }, [25, 25, 25] },
        { "no transform, wrapping accumulators", new NumericsConfig { Transform = SequenceTransformKind.None, HiTokens = 3, Accumulator = new AccumulatorConfig { TreeBits = 12, AccBits = 13, Overflow = OverflowMode.Wrap } }, [11, 3, 20] },
    };

    [Theory]
    [MemberData(nameof(Batches))]
    public void Every_row_of_a_batch_is_bit_identical_to_its_sequence_run_alone(string name, NumericsConfig numerics, int[] lengths)
    {
        var batch = new SequenceBatch(lengths);
        var x = TestData.Activations(batch.Tokens, D, seed: lengths.Sum());
        var w = TestData.Weights(N, D, seed: 3);
        var bias = TestData.Vector(N, seed: 4);
        var layer = new StampLayer(new GoldenSettings(numerics, MacRows: 5));
        var batched = layer.Run(new LayerInputs(x, w, bias), batch, keepIntermediates: true);

        long tree = 0, acc = 0;
        for (int k = 0; k < batch.Count; k++)
        {
            var xk = new Matrix<float>(lengths[k], D, batch.Rows<float>(x.Data, k, D).ToArray());
            var alone = layer.Run(new LayerInputs(xk, w, bias), keepIntermediates: true);
            string what = $"{name}: sequence {k} ({lengths[k]} tokens)";
            TestData.AssertBitsEqual(alone.Y.Data, batch.Rows<float>(batched.Y.Data, k, N), what + " Y");
            TestData.AssertBitsEqual(alone.TransformedX, batch.Rows<float>(batched.TransformedX, k, D), what + " transformed X");
            Assert.Equal(alone.Activations.Codes, batch.Rows<byte>(batched.Activations.Codes, k, D).ToArray());
            Assert.Equal(alone.Activations.Bits, batched.Activations.Bits.AsSpan(batch.Offsets[k], lengths[k]).ToArray());
            int groups = alone.Activations.Groups;
            TestData.AssertBitsEqual(alone.Activations.Scale, batch.Rows<float>(batched.Activations.Scale, k, groups), what + " scales");
            tree += alone.Gemm.Events.Tree;
            acc += alone.Gemm.Events.Accumulator;
        }
        Assert.Equal((tree, acc), (batched.Gemm.Events.Tree, batched.Gemm.Events.Accumulator));
    }

    [Fact]
    public void A_batch_that_does_not_cover_the_activations_is_refused()
    {
        var inputs = new LayerInputs(TestData.Activations(10, D, seed: 1), TestData.Weights(N, D, seed: 2), null);
        Assert.Throws<ArgumentException>(() => new StampLayer(new GoldenSettings(new NumericsConfig(), 16)).Run(inputs, new SequenceBatch([4, 5])));
        Assert.Throws<ArgumentException>(() => new SequenceBatch([4, 0]));
        Assert.Throws<ArgumentException>(() => new SequenceBatch([]));
    }
}
