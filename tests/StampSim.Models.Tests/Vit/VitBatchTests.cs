using StampSim.Models.Linear;
using StampSim.Models.Vit;
using StampSim.Numerics;
using StampSim.Tests.Support;

namespace StampSim.Tests.Vit;

/// <summary>A batch of images through the ViT gives each image's logits bit for bit as when it runs alone.</summary>
[Collection(ModelsCollection.Name)]
public sealed class VitBatchTests(SharedModels models)
{
    [SkippableFact]
    public void A_batch_of_images_gives_the_logits_of_each_image_alone_with_one_call_per_linear()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        var vit = models.Vit!;
        var images = new[] { "chelsea.png", "coffee.png", "astronaut.png" }.Select(f => VitImage.Load(SharedModels.ImagePath(f), vit.Config)).ToList();
        // STaMP on the 2-D patch grid after the CLS token, the classifier quantized too (one-token sequences).
        var stamp = new QuantizedLinearExecutor(new NumericsConfig { Transform = SequenceTransformKind.Haar2d, Levels = 1, HiTokens = 8 },
            options: new QuantizedExecutorOptions { QuantizeOutsideBlocks = true });
        var counting = new SequenceCountingExecutor(stamp);
        var batched = vit.Forward(images, counting);
        Assert.All(counting.Sequences, count => Assert.Equal(images.Count, count));
        for (int i = 0; i < images.Count; i++)
            TestData.AssertBitsEqual(vit.Forward(images[i], stamp), batched[i], $"image {i}");
    }
}
