using StampSim.Metrics;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Tensors;
using StampSim.Tests.Support;

namespace StampSim.Tests.Pipeline;

public class StampLayerTests
{
    private const int Rows = 16;   // the default adder-tree length

    private static LayerInputs Inputs(int s, int d, int n, int seed) =>
        new(TestData.Activations(s, d, seed), TestData.Weights(n, d, seed + 1), TestData.Vector(n, seed + 2));

    public static TheoryData<NumericsConfig> Numerics() => new(
        new NumericsConfig { HiTokens = 16 },
        new NumericsConfig { HiTokens = 16, FeatureTransform = FeatureTransformKind.Hadamard, ActQuant = ActQuantKind.Symmetric },
        new NumericsConfig { Transform = SequenceTransformKind.Wht, ActGroup = 32 },
        new NumericsConfig { Transform = SequenceTransformKind.Dct, HiTokens = 8, WeightBits = 8 },
        new NumericsConfig { Transform = SequenceTransformKind.Haar2d, Grid = new TokenGrid(8, 16), HiTokens = 8 },
        new NumericsConfig { Transform = SequenceTransformKind.None, Accumulator = new AccumulatorConfig { TreeBits = 14, AccBits = 16, Overflow = OverflowMode.Wrap } });

    [Theory]
    [MemberData(nameof(Numerics))]
    public void Output_is_identical_for_every_thread_count_and_kernel(NumericsConfig numerics)
    {
        var inputs = Inputs(128, 64, 48, 1);
        var reference = new StampLayer(new GoldenSettings(numerics, Rows), new ExecutionOptions(1, GemmKernel.Scalar)).Run(inputs).Y.Data;
        foreach (var kernel in StampSim.Gemm.MicroKernels.Supported(numerics.WeightBits))
            foreach (int threads in new[] { 2, 3, 8 })
                TestData.AssertBitsEqual(reference, new StampLayer(new GoldenSettings(numerics, Rows), new ExecutionOptions(threads, kernel)).Run(inputs).Y.Data, $"{kernel}/{threads}");
    }

    [Theory]
    [MemberData(nameof(Numerics))]
    public void Theorem_1_bound_holds_and_stamp_beats_plain_4_bit(NumericsConfig numerics)
    {
        var inputs = Inputs(128, 64, 48, 7);
        var result = new StampLayer(new GoldenSettings(numerics, Rows)).Run(inputs);
        var m = LayerMetrics.Compute(inputs, result, numerics, ExecutionOptions.Default);
        Assert.True(m.ActErrorSq <= m.Theorem1Bound, $"measured {m.ActErrorSq} > bound {m.Theorem1Bound}");
        Assert.True(double.IsFinite(m.SqnrDb) && m.SqnrDb > 0);
    }

    [Fact]
    public void Stamp_improves_sqnr_over_uniform_4_bit_on_correlated_activations()
    {
        var inputs = new LayerInputs(TestData.Activations(512, 64, 3, rho: 0.98), TestData.Weights(32, 64, 4), null);
        var stamp = new NumericsConfig();
        var a4 = stamp.UniformBaseline(4);
        double sqnrStamp = LayerMetrics.Compute(inputs, new StampLayer(new GoldenSettings(stamp, Rows)).Run(inputs), stamp, ExecutionOptions.Default).ActSqnrDb;
        double sqnrA4 = LayerMetrics.Compute(inputs, new StampLayer(new GoldenSettings(a4, Rows)).Run(inputs), a4, ExecutionOptions.Default).ActSqnrDb;
        Assert.True(sqnrStamp > sqnrA4 + 1, $"STaMP {sqnrStamp:F2} dB vs A4 {sqnrA4:F2} dB");
    }

    [Fact]
    public void Payload_bits_follow_the_paper_formula()
    {
        var inputs = Inputs(256, 32, 8, 2);
        var n = new NumericsConfig();
        var m = LayerMetrics.Compute(inputs, new StampLayer(new GoldenSettings(n, Rows)).Run(inputs), n, ExecutionOptions.Default);
        Assert.Equal(4 + 4.0 * 64 / 256, m.PayloadBits, 12);
        Assert.Equal(m.PayloadBits + 32.0 / 32, m.BitsWithMetadata, 12);
    }

    [Fact]
    public void Exact_layer_has_infinite_sqnr()
    {
        // Integer-valued activations in 0..15 per token with both extremes present quantize exactly at 4 bits;
        // weights in -7..7 quantize exactly; no transform; so Y equals the float64 reference.
        int s = 8, d = 16, n = 4;
        var x = new Matrix<float>(s, d);
        for (int i = 0; i < s; i++) for (int j = 0; j < d; j++) x[i, j] = (i * 3 + j * 5) % 16;
        for (int i = 0; i < s; i++) { x[i, 0] = 0; x[i, 1] = 15; }
        var w = new Matrix<float>(n, d);
        for (int c = 0; c < n; c++) for (int j = 0; j < d; j++) w[c, j] = ((c + j) % 15) - 7;
        for (int c = 0; c < n; c++) w[c, 0] = 7;
        var numerics = new NumericsConfig { Transform = SequenceTransformKind.None, HiTokens = 0 };
        var inputs = new LayerInputs(x, w, null);
        var m = LayerMetrics.Compute(inputs, new StampLayer(new GoldenSettings(numerics, Rows)).Run(inputs), numerics, ExecutionOptions.Default);
        Assert.Equal(double.PositiveInfinity, m.SqnrDb);
        Assert.Equal(double.PositiveInfinity, m.ActSqnrDb);
    }

    [Theory]
    [InlineData(96, 64, "wht", "numerics.transform: wht needs a power-of-two number of tokens, got s = 96")]
    [InlineData(64, 60, "hadamard", "numerics.feature_transform: hadamard needs a power-of-two feature count, got d = 60")]
    [InlineData(64, 60, "group", "numerics.act_group: 16 does not divide the feature count d = 60")]
    [InlineData(60, 64, "grid", "numerics.grid: grid 8x8 has 64 tokens but the layer has s = 60")]
    public void Invalid_combinations_are_rejected(int s, int d, string what, string message)
    {
        var numerics = what switch
        {
            "wht" => new NumericsConfig { Transform = SequenceTransformKind.Wht },
            "hadamard" => new NumericsConfig { FeatureTransform = FeatureTransformKind.Hadamard },
            "group" => new NumericsConfig { ActGroup = 16 },
            _ => new NumericsConfig { Transform = SequenceTransformKind.Haar2d, Grid = new TokenGrid(8, 8) },
        };
        var e = Assert.Throws<InputException>(() => new StampLayer(new GoldenSettings(numerics, Rows)).Run(Inputs(s, d, 8, 1)));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Non_finite_inputs_are_named()
    {
        var x = TestData.Activations(4, 8, 1);
        x[2, 5] = float.NaN;
        var e = Assert.Throws<InputException>(() => new LayerInputs(x, TestData.Weights(3, 8, 1), null, xName: "X.npy"));
        Assert.Equal("X.npy: NaN at index [2, 5]", e.Message);
        var w = TestData.Weights(3, 8, 1);
        w[1, 0] = float.NegativeInfinity;
        e = Assert.Throws<InputException>(() => new LayerInputs(TestData.Activations(4, 8, 1), w, null, wName: "W.npy"));
        Assert.Equal("W.npy: infinity at index [1, 0]", e.Message);
    }

    [Fact]
    public void Shape_mismatch_is_named()
    {
        var e = Assert.Throws<InputException>(() => new LayerInputs(TestData.Activations(4, 8, 1), TestData.Weights(3, 9, 1), null));
        Assert.Contains("does not match activations (4, 8)", e.Message);
        e = Assert.Throws<InputException>(() => new LayerInputs(TestData.Activations(4, 8, 1), TestData.Weights(3, 8, 1), new float[2]));
        Assert.Equal("bias: bias has 2 values, expected n = 3", e.Message);
    }
}
