using StampSim.Metrics;
using StampSim.Models.Linear;
using StampSim.Models.Ops;
using StampSim.Models.Vit;

namespace StampSim.Models.Evaluation;

/// <summary>Compares a ViT under a candidate executor with the same model under a reference (normally float32).</summary>
public static class VitEvaluation
{
    /// <summary>Top-1 agreement and logit SQNR over preprocessed images (float32 CHW), each with a name.</summary>
    /// <exception cref="InputException">No images.</exception>
    public static VitComparison Compare(VitModel model, IReadOnlyList<(string Name, float[] Pixels)> images, ILinearExecutor reference, ILinearExecutor candidate)
    {
        if (images.Count == 0) throw new InputException("images: the list is empty");
        return Compare(model, images, images.Select(i => model.Forward(i.Pixels, reference)).ToArray(), candidate);
    }

    /// <summary>
    /// Compares against reference logits computed once (one per image); <paramref name="progress"/> hears
    /// (images done, images in all), first (0, all), then after each image.
    /// </summary>
    public static VitComparison Compare(VitModel model, IReadOnlyList<(string Name, float[] Pixels)> images, IReadOnlyList<float[]> referenceLogits, ILinearExecutor candidate,
        Action<int, int>? progress = null)
    {
        if (images.Count == 0) throw new InputException("images: the list is empty");
        var results = new ImageComparison[images.Count];
        progress?.Invoke(0, images.Count);
        for (int i = 0; i < images.Count; i++)
        {
            var expected = referenceLogits[i];
            var actual = model.Forward(images[i].Pixels, candidate);
            results[i] = new ImageComparison(images[i].Name, ArgMax.Of(expected), ArgMax.Of(actual), LogitSqnrDb(expected, actual));
            progress?.Invoke(i + 1, images.Count);
        }
        return new VitComparison(results);
    }

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
