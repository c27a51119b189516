using StampSim.Config;
using StampSim.Hardware;
using StampSim.Models.Evaluation;
using StampSim.Models.Linear;
using StampSim.Models.Vit;
using StampSim.Reports.Eval;

namespace StampSim.App.Eval;

/// <summary>The composition behind <c>eval vit</c>: the images through the float32 ViT once, then through every variant.</summary>
public static class VitEvaluationRun
{
    /// <summary>Loads the ViT and the images and compares every variant's logits with float32's.</summary>
    /// <param name="model">The Hugging Face model.safetensors (config.json beside it).</param>
    /// <param name="images">An image or a directory of images.</param>
    /// <param name="variants">The comparison set.</param>
    /// <param name="mac">The MAC array the quantized linears run on.</param>
    /// <param name="options">Quantized executors' options.</param>
    /// <param name="progress">Hears every image done.</param>
    /// <param name="finished">Hears each variant's result.</param>
    /// <exception cref="InputException">A file is missing or malformed.</exception>
    public static IReadOnlyList<EvalRow<VitComparison>> Run(string model, string images, IReadOnlyList<ComparisonVariant> variants, MacArrayConfig mac,
        QuantizedExecutorOptions options, Action<EvalProgress> progress, Action<EvalRow<VitComparison>> finished)
    {
        var vit = ModelFiles.LoadVit(model);
        var inputs = ModelFiles.Images(images).Select(f => (Path.GetFileName(f), VitImage.Load(f, vit.Config))).ToArray();
        var reference = VitEvaluation.Logits(vit, inputs.Select(i => i.Item2).ToList(), new Float32LinearExecutor(options.Execution));
        return VariantRunner.Run(variants, (v, report) => VitEvaluation.Compare(vit, inputs, reference, v.CreateExecutor(mac, options), report), progress, finished);
    }
}
