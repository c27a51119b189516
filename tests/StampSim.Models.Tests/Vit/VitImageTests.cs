using StampSim.Models.Vit;
using StampSim.Tests.Support;

namespace StampSim.Tests.Vit;

[Collection(ModelsCollection.Name)]
public sealed class VitImageTests(SharedModels models)
{
    [SkippableTheory]
    [InlineData("baboon.jpg")]
    [InlineData("rocket.jpg")]
    [InlineData("motorcycle_left.png")]
    public void Decodes_real_images_to_normalised_CHW(string file)
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var pixels = VitImage.Load(SharedModels.ImagePath(file), models.Vit!.Config);
        Assert.Equal(3 * 224 * 224, pixels.Length);
        Assert.All(pixels, v => Assert.InRange(v, -1f, 1f));
        Assert.True(pixels.Max() - pixels.Min() > 1, "a photograph spans a good part of the range");
    }

    [SkippableFact]
    public void Missing_or_undecodable_files_are_input_errors_naming_the_file()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var config = models.Vit!.Config;
        var missing = SharedModels.ImagePath("no-such-image.png");
        Assert.Contains(missing, Assert.Throws<InputException>(() => VitImage.Load(missing, config)).Message);
        var notImage = SharedModels.VitPath("config.json");
        Assert.Contains(notImage, Assert.Throws<InputException>(() => VitImage.Load(notImage, config)).Message);
        Assert.Contains(notImage, Assert.Throws<InputException>(() => VitImage.LoadRawFloat32(notImage, config)).Message);
    }

    [SkippableFact]
    public void A_wrong_sized_input_is_an_input_error()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var e = Assert.Throws<InputException>(() => models.Vit!.Forward(new float[3 * 100 * 100], new StampSim.Models.Linear.Float32LinearExecutor()));
        Assert.Contains("3x224x224", e.Message);
    }
}
