using StampSim.Io;
using StampSim.Numerics;
using StampSim.Tensors;
using StampSim.Traces.Safetensors;

namespace StampSim.Models.Vit;

/// <summary>
/// Loads a Hugging Face <c>ViTForImageClassification</c> from <c>model.safetensors</c> (its own tensor
/// names: <c>vit.embeddings.*</c>, <c>vit.encoder.layer.N.*</c>, <c>vit.layernorm.*</c>, <c>classifier.*</c>)
/// and <c>config.json</c>. Every shape is checked against the config.
/// </summary>
public static class VitLoader
{
    /// <summary>Reads <paramref name="path"/> and its config (default: <c>config.json</c> beside it).</summary>
    public static VitModel Load(string path, string? configPath = null, ExecutionOptions? options = null)
    {
        // The model is named first: a wrong --model must not surface as a missing config.json beside it.
        StampSim.Io.InputFile.Require(path);
        configPath ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "config.json");
        var config = ReadConfig(configPath);
        using var file = SafetensorsFile.Open(path);
        int h = config.HiddenSize;

        var cls = Tensor(file, "vit.embeddings.cls_token", [1, 1, h]);
        var position = new Matrix<float>(config.Tokens, h, Tensor(file, "vit.embeddings.position_embeddings", [1, config.Tokens, h]));
        var patchWeight = Tensor(file, "vit.embeddings.patch_embeddings.projection.weight", [h, config.Channels, config.PatchSize, config.PatchSize]);
        var patch = new LinearWeights(new Matrix<float>(h, config.PatchFeatures, patchWeight), Tensor(file, "vit.embeddings.patch_embeddings.projection.bias", [h]));
        var layers = new VitLayerWeights[config.Layers];
        for (int l = 0; l < config.Layers; l++)
        {
            string p = $"vit.encoder.layer.{l}.";
            layers[l] = new VitLayerWeights(
                Norm(file, p + "layernorm_before", h),
                Linear(file, p + "attention.attention.query", h, h, config.QkvBias),
                Linear(file, p + "attention.attention.key", h, h, config.QkvBias),
                Linear(file, p + "attention.attention.value", h, h, config.QkvBias),
                Linear(file, p + "attention.output.dense", h, h, true),
                Norm(file, p + "layernorm_after", h),
                Linear(file, p + "intermediate.dense", config.IntermediateSize, h, true),
                Linear(file, p + "output.dense", h, config.IntermediateSize, true));
        }
        var weights = new VitWeights(cls, position, patch, layers, Norm(file, "vit.layernorm", h), Linear(file, "classifier", config.NumLabels, h, true));
        return new VitModel(config, weights, options);
    }

    /// <summary>Reads the hyper-parameters; only the exact-erf <c>gelu</c> activation is supported.</summary>
    public static VitConfig ReadConfig(string configPath)
    {
        var json = HfConfigJson.Read(configPath);
        string act = json.String("hidden_act", "gelu");
        if (act != "gelu")
            throw json.Error("hidden_act", $"'{act}' is not supported (only the exact erf 'gelu')");
        return new VitConfig(
            json.Int("hidden_size"), json.Int("num_hidden_layers"), json.Int("num_attention_heads"), json.Int("intermediate_size"),
            json.Int("image_size"), json.Int("patch_size"), json.Int("num_channels", 3), json.Labels(),
            json.Double("layer_norm_eps", 1e-12), json.Bool("qkv_bias", true)).Validate(configPath);
    }

    private static LinearWeights Linear(SafetensorsFile file, string name, int outputs, int inputs, bool bias) =>
        new(new Matrix<float>(outputs, inputs, Tensor(file, name + ".weight", [outputs, inputs])), bias ? Tensor(file, name + ".bias", [outputs]) : null);

    private static NormWeights Norm(SafetensorsFile file, string name, int size) =>
        new(Tensor(file, name + ".weight", [size]), Tensor(file, name + ".bias", [size]));

    private static float[] Tensor(SafetensorsFile file, string name, long[] shape)
    {
        var info = file.Info(name);
        if (!info.Shape.SequenceEqual(shape))
            throw new InputException($"{file.Path}: tensor '{name}' has shape {info.ShapeText}, expected [{string.Join(", ", shape)}]");
        return file.ReadFloat32(name);
    }
}
