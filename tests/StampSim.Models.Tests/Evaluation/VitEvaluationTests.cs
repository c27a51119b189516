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

    [Fact]
    public void Float32AgreesWithItselfExactly()
    {
        if (SharedModels.Unavailable(output)) return;
        var paths = Images[..2].Select(SharedModels.ImagePath).ToArray();
        var r = VitEvaluation.CompareFiles(models.Vit!, paths, new Float32LinearExecutor(), new Float32LinearExecutor());
        Assert.Equal(1.0, r.Top1Agreement);
        Assert.Equal(double.PositiveInfinity, r.MeanLogitSqnrDb);
        Assert.Equal(["chelsea.png", "coffee.png"], r.Images.Select(i => i.Name));
    }

    [Fact]
    public void QuantizedVariantsStayCloseToFloat32OnRealImages()
    {
        if (SharedModels.Unavailable(output)) return;
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

    [Fact]
    public void AnEmptyImageListIsAnInputError()
    {
        if (SharedModels.Unavailable(output)) return;
        Assert.Throws<InputException>(() => VitEvaluation.Compare(models.Vit!, [], new Float32LinearExecutor(), new QuantizedLinearExecutor(new NumericsConfig())));
    }
}
