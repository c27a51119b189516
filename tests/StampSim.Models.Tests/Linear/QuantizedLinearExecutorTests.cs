using Xunit.Abstractions;
using StampSim.Hardware;
using StampSim.Models.Evaluation;
using StampSim.Models.Linear;
using StampSim.Models.Vit;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Tensors;
using StampSim.Tests.Support;

namespace StampSim.Tests.Linear;

[Collection(ModelsCollection.Name)]
public sealed class QuantizedLinearExecutorTests(SharedModels models, ITestOutputHelper output)
{
    private static readonly NumericsConfig W8A8 = new()
    {
        Transform = SequenceTransformKind.None, HiTokens = 0, HiBits = 8, LoBits = 8, WeightBits = 8,
    };

    private static Matrix<float> Random(int rows, int cols, int seed)
    {
        var rng = new Random(seed);
        var m = new Matrix<float>(rows, cols);
        for (int i = 0; i < m.Data.Length; i++) m.Data[i] = (float)(rng.NextDouble() * 2 - 1);
        return m;
    }

    private int[] StoryTokens(int count) =>
        models.Tokenizer!.Encode(File.ReadAllText(SharedModels.TextPath("tinystories_sample.txt")), bos: true, eos: false)[..count];

    [SkippableFact]
    public void W8A8_logits_are_close_to_float32()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var tokens = StoryTokens(256);
        var reference = models.Llama!.Forward(tokens, new Float32LinearExecutor());
        var w8a8 = models.Llama.Forward(tokens, new QuantizedLinearExecutor(W8A8));
        double sqnr = VitEvaluation.LogitSqnrDb(reference.Data, w8a8.Data);
        output.WriteLine($"W8A8 logit SQNR over 256 tokens: {sqnr:F1} dB");
        Assert.True(sqnr > 25, $"{sqnr} dB");
    }

    [Fact]
    public void Layers_outside_the_blocks_stay_float32_unless_asked()
    {
        var x = Random(8, 64, 1);
        var w = Random(512, 64, 2);
        var call = new LinearCall("output", LinearKind.LmHead, null, x, w, null);
        var float32 = new Float32LinearExecutor().Linear(call);
        Assert.Equal(float32.Data, new QuantizedLinearExecutor(W8A8).Linear(call).Data);
        var quantized = new QuantizedLinearExecutor(W8A8, options: new QuantizedExecutorOptions { QuantizeOutsideBlocks = true }).Linear(call);
        Assert.NotEqual(float32.Data, quantized.Data);
        Assert.False(new QuantizedLinearExecutor(W8A8).Quantizes(LinearKind.PatchEmbed));
        Assert.True(new QuantizedLinearExecutor(W8A8).Quantizes(LinearKind.MlpDown));
    }

    [Fact]
    public void Quantized_layers_run_the_golden_engine()
    {
        var x = Random(100, 64, 3);
        var w = Random(32, 64, 4);
        var bias = Random(1, 32, 5).Data;
        var numerics = new NumericsConfig();
        var expected = new StampLayer(new GoldenSettings(numerics, new MacArrayConfig().Rows)).Run(new LayerInputs(x, w, bias)).Y;
        var y = new QuantizedLinearExecutor(numerics).Linear(new LinearCall("layers.0.feed_forward.w1", LinearKind.MlpGate, 0, x, w, bias));
        Assert.Equal(expected.Data, y.Data);
    }

    [Fact]
    public void Haar2d_takes_each_calls_grid_and_prefix()
    {
        var numerics = new NumericsConfig { Transform = SequenceTransformKind.Haar2d, Levels = 1 };
        var grid = new TokenGrid(14, 14);
        var block = CallNumerics.Resolve(numerics, new LinearCall("q", LinearKind.AttnQ, 0, Random(197, 8, 1), Random(4, 8, 2), null, grid, 1));
        Assert.Equal((grid, 1, SequenceTransformKind.Haar2d), (block.Numerics.Grid, block.Numerics.PrefixTokens, block.Numerics.Transform));
        var patch = CallNumerics.Resolve(numerics, new LinearCall("p", LinearKind.PatchEmbed, null, Random(196, 8, 1), Random(4, 8, 2), null, grid));
        Assert.Equal((grid, 0), (patch.Numerics.Grid, patch.Numerics.PrefixTokens));
        var cls = CallNumerics.Resolve(numerics, new LinearCall("c", LinearKind.Classifier, null, Random(1, 8, 1), Random(4, 8, 2), null));
        Assert.Equal(SequenceTransformKind.None, cls.Numerics.Transform);
        var e = Assert.Throws<InputException>(() => CallNumerics.Resolve(numerics, new LinearCall("layers.0.attention.wq", LinearKind.AttnQ, 0, Random(9, 8, 1), Random(4, 8, 2), null)));
        Assert.Contains("layers.0.attention.wq", e.Message);
    }

    [Theory]
    [InlineData(64, FeatureTransformKind.Hadamard, 0)]
    [InlineData(192, FeatureTransformKind.None, 64)]
    [InlineData(768, FeatureTransformKind.None, 256)]
    [InlineData(172, FeatureTransformKind.None, 4)]
    [InlineData(43, FeatureTransformKind.None, 0)]
    public void Hadamard_on_a_non_power_of_two_width_becomes_block_diagonal(int d, FeatureTransformKind engineTransform, int block)
    {
        var numerics = new NumericsConfig { FeatureTransform = FeatureTransformKind.Hadamard };
        var plan = CallNumerics.Resolve(numerics, new LinearCall("l", LinearKind.MlpDown, 0, Random(3, d, 1), Random(2, d, 2), null));
        Assert.Equal((engineTransform, block), (plan.Numerics.FeatureTransform, plan.HadamardBlock));
    }

    [Fact]
    public void The_block_hadamard_keeps_the_product()
    {
        var x = Random(20, 192, 1);
        var w = Random(30, 192, 2);
        var options = ExecutionOptions.Default;
        var expected = Float32LinearExecutor.Multiply(x, w, null, options);
        var rotated = Float32LinearExecutor.Multiply(BlockHadamard.Apply(x, 64, options), BlockHadamard.Apply(w, 64, options), null, options);
        for (int i = 0; i < expected.Data.Length; i++)
            Assert.Equal(expected.Data[i], rotated.Data[i], 1e-4);
    }

    [SkippableFact]
    public void ViT_runs_under_haar2d_STaMP_with_the_Hadamard()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var vit = models.Vit!;
        var pixels = VitImage.Load(SharedModels.ImagePath("chelsea.png"), vit.Config);
        var numerics = new NumericsConfig { Transform = SequenceTransformKind.Haar2d, Levels = 1, FeatureTransform = FeatureTransformKind.Hadamard };
        var logits = vit.Forward(pixels, new QuantizedLinearExecutor(numerics));
        var reference = vit.Forward(pixels, new Float32LinearExecutor());
        double sqnr = VitEvaluation.LogitSqnrDb(reference, logits);
        output.WriteLine($"ViT haar2d (1 level) W4A4 + 64 hi tokens + block Hadamard: logit SQNR {sqnr:F1} dB");
        Assert.All(logits, v => Assert.True(float.IsFinite(v)));
        Assert.True(sqnr > 0, $"{sqnr} dB");
    }
}
