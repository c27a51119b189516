using Xunit.Abstractions;
using StampSim.Models.Evaluation;
using StampSim.Models.Linear;
using StampSim.Numerics;
using StampSim.Tests.Support;

namespace StampSim.Tests.Evaluation;

[Collection(ModelsCollection.Name)]
public sealed class ComparisonSetTests(SharedModels models, ITestOutputHelper output)
{
    [Fact]
    public void Has_the_papers_default_variants()
    {
        var v = ComparisonSet.PaperDefaults().ToDictionary(x => x.Name);
        Assert.Equal(["float32", "w4a4-rtn", "w4a4-stamp", "w4a4-rtn-hadamard", "w4a4-stamp-hadamard", "w4a8"], ComparisonSet.PaperDefaults().Select(x => x.Name));
        Assert.True(v["float32"].IsFloat32);
        var rtn = v["w4a4-rtn"].Numerics!;
        Assert.Equal((SequenceTransformKind.None, 0, 4, 4, FeatureTransformKind.None), (rtn.Transform, rtn.HiTokens, rtn.LoBits, rtn.WeightBits, rtn.FeatureTransform));
        var stamp = v["w4a4-stamp"].Numerics!;
        Assert.Equal((SequenceTransformKind.Haar, 64, 8, 4, 4), (stamp.Transform, stamp.HiTokens, stamp.HiBits, stamp.LoBits, stamp.WeightBits));
        Assert.Equal(stamp with { FeatureTransform = FeatureTransformKind.Hadamard }, v["w4a4-stamp-hadamard"].Numerics);
        Assert.Equal(rtn with { FeatureTransform = FeatureTransformKind.Hadamard }, v["w4a4-rtn-hadamard"].Numerics);
        var w4a8 = v["w4a8"].Numerics!;
        Assert.Equal((SequenceTransformKind.None, 8, 8, 4), (w4a8.Transform, w4a8.HiBits, w4a8.LoBits, w4a8.WeightBits));
        Assert.Equal(SequenceTransformKind.Haar2d, ComparisonSet.PaperDefaults(stampTransform: SequenceTransformKind.Haar2d)[2].Numerics!.Transform);
        Assert.IsType<Float32LinearExecutor>(v["float32"].CreateExecutor());
        Assert.IsType<QuantizedLinearExecutor>(v["w4a8"].CreateExecutor());
    }

    [SkippableFact]
    public void Every_variant_runs_the_language_model()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var tokens = models.Tokenizer!.Encode(File.ReadAllText(SharedModels.TextPath("tinystories_sample.txt")), bos: true, eos: false)[..300];
        var reference = models.Llama!.Forward(tokens, new Float32LinearExecutor());
        foreach (var variant in ComparisonSet.PaperDefaults())
        {
            var logits = models.Llama.Forward(tokens, variant.CreateExecutor());
            double sqnr = VitEvaluation.LogitSqnrDb(reference.Data, logits.Data);
            output.WriteLine($"{variant.Name,-20} logit SQNR {sqnr,6:F1} dB");
            Assert.All(logits.Data, x => Assert.True(float.IsFinite(x)));
        }
    }
}
