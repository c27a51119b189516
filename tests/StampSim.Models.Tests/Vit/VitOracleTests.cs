using System.Text.Json;
using StampSim.Models.Linear;
using StampSim.Models.Vit;
using StampSim.Tests.Support;
using Xunit.Abstractions;

namespace StampSim.Tests.Vit;

/// <summary>vit-tiny against the independent float64 reference for chelsea.png.</summary>
[Collection(ModelsCollection.Name)]
public sealed class VitOracleTests(SharedModels models, ITestOutputHelper output)
{
    private sealed record Reference(JsonElement[][] top5, float[] logits);

    private static Reference LoadReference() =>
        JsonSerializer.Deserialize<Reference>(File.ReadAllText(SharedModels.VitPath("ref_output_chelsea.json")))!;

    private static int[] Top(float[] logits, int k) =>
        logits.Select((v, i) => (v, i)).OrderByDescending(p => p.v).Take(k).Select(p => p.i).ToArray();

    [SkippableFact]
    public void Logits_of_the_reference_input_match()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var reference = LoadReference();
        var vit = models.Vit!;
        var pixels = VitImage.LoadRawFloat32(SharedModels.VitPath("ref_input_chelsea_3x224x224.f32"), vit.Config);
        var logits = vit.Forward(pixels, new Float32LinearExecutor());
        Assert.Equal(reference.logits.Length, logits.Length);
        double worst = logits.Zip(reference.logits, (a, b) => (double)Math.Abs(a - b)).Max();
        output.WriteLine($"logits: max |diff| = {worst:G3} over {logits.Length} (reference printed to 5 decimals)");
        Assert.True(worst < 1e-4, $"max |diff| {worst}");
        Assert.Equal(reference.top5.Select(e => e[0].GetInt32()), Top(logits, 5));
    }

    [SkippableFact]
    public void Chelsea_png_through_the_image_loader_has_the_reference_top1()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var vit = models.Vit!;
        var reference = VitImage.LoadRawFloat32(SharedModels.VitPath("ref_input_chelsea_3x224x224.f32"), vit.Config);
        var pixels = VitImage.Load(SharedModels.ImagePath("chelsea.png"), vit.Config);
        double meanDiff = pixels.Zip(reference, (a, b) => (double)Math.Abs(a - b)).Average();
        double maxDiff = pixels.Zip(reference, (a, b) => (double)Math.Abs(a - b)).Max();
        output.WriteLine($"preprocessed pixels vs PIL reference: mean |diff| {meanDiff * 127.5:F2}/255 levels, max {maxDiff * 127.5:F1}/255");
        var logits = vit.Forward(pixels, new Float32LinearExecutor());
        output.WriteLine($"top-5 from the loader: {string.Join(", ", Top(logits, 5))}");
        Assert.Equal(LoadReference().top5[0][0].GetInt32(), Top(logits, 1)[0]);
    }
}
