using Xunit.Abstractions;
using StampSim.Models.Evaluation;
using StampSim.Models.Linear;
using StampSim.Numerics;
using StampSim.Tests.Support;

namespace StampSim.Tests.Evaluation;

[Collection(ModelsCollection.Name)]
public sealed class VitEvaluationTests(SharedModels models, ITestOutputHelper output)
{
    private static readonly string[] Images = ["chelsea.png", "coffee.png", "astronaut.png", "fruits.jpg"];

    [SkippableFact]
    public void Float32_agrees_with_itself_exactly()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var paths = Images[..2].Select(SharedModels.ImagePath).ToArray();
        var r = VitEvaluation.CompareFiles(models.Vit!, paths, new Float32LinearExecutor(), new Float32LinearExecutor());
        Assert.Equal(1.0, r.Top1Agreement);
        Assert.Equal(double.PositiveInfinity, r.MeanLogitSqnrDb);
        Assert.Equal(["chelsea.png", "coffee.png"], r.Images.Select(i => i.Name));
    }

    [SkippableFact]
    public void Quantized_variants_stay_close_to_float32_on_real_images()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var paths = Images.Select(SharedModels.ImagePath).ToArray();
        var w8a8 = new QuantizedLinearExecutor(new NumericsConfig { Transform = SequenceTransformKind.None, HiTokens = 0, HiBits = 8, LoBits = 8, WeightBits = 8 });
        var w4a8 = ComparisonSet.PaperDefaults().Single(v => v.Name == "w4a8").CreateExecutor();
        var high = VitEvaluation.CompareFiles(models.Vit!, paths, new Float32LinearExecutor(), w8a8);
        var low = VitEvaluation.CompareFiles(models.Vit!, paths, new Float32LinearExecutor(), w4a8);
        foreach (var image in high.Images) output.WriteLine("w8a8 " + image);
        foreach (var image in low.Images) output.WriteLine("w4a8 " + image);
        output.WriteLine($"W8A8: top-1 agreement {high.Top1Agreement:P0}, mean logit SQNR {high.MeanLogitSqnrDb:F1} dB");
        output.WriteLine($"W4A8: top-1 agreement {low.Top1Agreement:P0}, mean logit SQNR {low.MeanLogitSqnrDb:F1} dB");
        Assert.True(high.MeanLogitSqnrDb > 25, $"{high.MeanLogitSqnrDb} dB");
        // Top-1 can flip on an image whose two best classes are nearly tied (chelsea: p = 0.53 vs 0.46).
        Assert.True(high.Top1Agreement >= 0.75 && low.Top1Agreement >= 0.5, $"{high.Top1Agreement}, {low.Top1Agreement}");
    }

    [SkippableFact]
    public void An_empty_image_list_is_an_input_error()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        Assert.Throws<InputException>(() => VitEvaluation.Compare(models.Vit!, [], new Float32LinearExecutor(), new QuantizedLinearExecutor(new NumericsConfig())));
    }
}
