using StampSim.Metrics;
using StampSim.Models.Linear;
using StampSim.Models.Ops;
using StampSim.Models.Vit;

namespace StampSim.Models.Evaluation;

/// <summary>Compares a ViT under a candidate executor with the same model under a reference (normally float32).</summary>
public static class VitEvaluation
{
    /// <summary>Images per batch of <see cref="VitModel.Forward(IReadOnlyList{float[]}, ILinearExecutor)"/>: each linear is one call per batch.</summary>
    public const int BatchImages = 8;

    /// <summary>Top-1 agreement and logit SQNR over preprocessed images (float32 CHW), each with a name.</summary>
    /// <exception cref="InputException">No images.</exception>
    public static VitComparison Compare(VitModel model, IReadOnlyList<(string Name, float[] Pixels)> images, ILinearExecutor reference, ILinearExecutor candidate)
    {
        if (images.Count == 0) throw new InputException("images: the list is empty");
        return Compare(model, images, Logits(model, images.Select(i => i.Pixels).ToList(), reference), candidate);
    }

    /// <summary>
    /// Compares against reference logits computed once (one per image); <paramref name="progress"/> hears
    /// (images done, images in all), first (0, all), then after each batch of images.
    /// </summary>
    public static VitComparison Compare(VitModel model, IReadOnlyList<(string Name, float[] Pixels)> images, IReadOnlyList<float[]> referenceLogits, ILinearExecutor candidate,
        Action<int, int>? progress = null)
    {
        if (images.Count == 0) throw new InputException("images: the list is empty");
        var results = new ImageComparison[images.Count];
        progress?.Invoke(0, images.Count);
        var pixels = images.Select(i => i.Pixels).ToList();
        for (int start = 0; start < images.Count; start += BatchImages)
        {
            var batch = pixels.Skip(start).Take(BatchImages).ToList();
            var logits = model.Forward(batch, candidate);
            for (int b = 0; b < batch.Count; b++)
            {
                int i = start + b;
                var expected = referenceLogits[i];
                results[i] = new ImageComparison(images[i].Name, ArgMax.Of(expected), ArgMax.Of(logits[b]), LogitSqnrDb(expected, logits[b]));
            }
            progress?.Invoke(start + batch.Count, images.Count);
        }
        return new VitComparison(results);
    }

    /// <summary>The logits of every image under <paramref name="linear"/>, in batches of <see cref="BatchImages"/>.</summary>
    public static IReadOnlyList<float[]> Logits(VitModel model, IReadOnlyList<float[]> images, ILinearExecutor linear) =>
        images.Chunk(BatchImages).SelectMany(batch => model.Forward(batch, linear)).ToArray();

    /// <summary>Compares images loaded from files with <see cref="VitImage.Load"/>.</summary>
    public static VitComparison CompareFiles(VitModel model, IReadOnlyList<string> paths, ILinearExecutor reference, ILinearExecutor candidate) =>
        Compare(model, paths.Select(p => (Path.GetFileName(p), VitImage.Load(p, model.Config))).ToArray(), reference, candidate);

    /// <summary><c>10 log10(sum ref^2 / sum (cand - ref)^2)</c> in float64.</summary>
    public static double LogitSqnrDb(ReadOnlySpan<float> reference, ReadOnlySpan<float> candidate)
    {
        double signal = 0, noise = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            double r = reference[i], e = candidate[i] - r;
            signal += r * r;
            noise += e * e;
        }
        return Sqnr.Db(signal, noise);
    }
}
