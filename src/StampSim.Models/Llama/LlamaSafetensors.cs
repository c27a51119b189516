using StampSim.Io;
using StampSim.Numerics;
using StampSim.Tensors;
using StampSim.Traces.Safetensors;

namespace StampSim.Models.Llama;

/// <summary>
/// Loads a LLaMA-architecture model from a safetensors file with Meta/llama2.c tensor names
/// (<c>tok_embeddings.weight</c>, <c>layers.N.attention.wq.weight</c>, ..., <c>norm.weight</c>,
/// optional <c>output.weight</c>, else the classifier is tied) and its <c>config.json</c>.
/// </summary>
public static class LlamaSafetensors
{
    /// <summary>
    /// Reads <paramref name="path"/> and its config (default: <c>config.json</c> beside it). The config
    /// needs <c>dim</c>, <c>n_layers</c>, <c>n_heads</c> and <c>max_seq_len</c> (or <c>seq_len</c>);
    /// <c>n_kv_heads</c> defaults to <c>n_heads</c>, <c>hidden_dim</c> and <c>vocab_size</c> (when absent or
    /// not positive) come from the tensors, <c>norm_eps</c> and <c>rope_theta</c> default to 1e-5 and 10000.
    /// Every tensor's shape is checked against the config.
    /// </summary>
    public static LlamaModel Load(string path, string? configPath = null, ExecutionOptions? options = null)
    {
        // The model is named first: a wrong --model must not surface as a missing config.json beside it.
        StampSim.Io.InputFile.Require(path);
        configPath ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "config.json");
        var json = HfConfigJson.Read(configPath);
        using var file = SafetensorsFile.Open(path);

        var embeddingInfo = file.Info("tok_embeddings.weight");
        var w1Info = file.Info("layers.0.feed_forward.w1.weight");
        int dim = json.Int("dim");
        int layers = json.Int("n_layers");
        int heads = json.Int("n_heads");
        int seqLen = json.Has("max_seq_len") ? json.Int("max_seq_len") : json.Int("seq_len");
        int kvHeads = json.Int("n_kv_heads", heads);
        int vocab = json.Int("vocab_size", 0);
        if (vocab <= 0) vocab = Rows(embeddingInfo);
        int hidden = json.Int("hidden_dim", Rows(w1Info));
        bool shared = !file.Tensors.ContainsKey("output.weight");
        var config = new LlamaConfig(dim, hidden, layers, heads, kvHeads, vocab, seqLen, shared)
        {
            NormEps = json.Double("norm_eps", 1e-5),
            RopeTheta = json.Double("rope_theta", 10000),
        }.Validate(configPath);

        var embedding = Matrix(file, "tok_embeddings.weight", vocab, dim);
        var blocks = new LlamaLayerWeights[layers];
        for (int l = 0; l < layers; l++)
        {
            string p = $"layers.{l}.";
            blocks[l] = new LlamaLayerWeights(
                Vector(file, p + "attention_norm.weight", dim),
                Matrix(file, p + "attention.wq.weight", dim, dim),
                Matrix(file, p + "attention.wk.weight", config.KvDim, dim),
                Matrix(file, p + "attention.wv.weight", config.KvDim, dim),
                Matrix(file, p + "attention.wo.weight", dim, dim),
                Vector(file, p + "ffn_norm.weight", dim),
                Matrix(file, p + "feed_forward.w1.weight", hidden, dim),
                Matrix(file, p + "feed_forward.w2.weight", dim, hidden),
                Matrix(file, p + "feed_forward.w3.weight", hidden, dim));
        }
        var norm = Vector(file, "norm.weight", dim);
        var classifier = shared ? embedding : Matrix(file, "output.weight", vocab, dim);
        return new LlamaModel(config, new LlamaWeights(embedding, blocks, norm, classifier), options);
    }

    private static int Rows(SafetensorsTensorInfo info) => info.Shape.Length > 0 ? (int)Math.Min(info.Shape[0], int.MaxValue) : 0;

    private static Matrix<float> Matrix(SafetensorsFile file, string name, int rows, int cols)
    {
        var info = file.Info(name);
        if (info.Shape is not [var r, var c] || r != rows || c != cols)
            throw new InputException($"{file.Path}: tensor '{name}' has shape {info.ShapeText}, expected [{rows}, {cols}]");
        return new Matrix<float>(rows, cols, file.ReadFloat32(name));
    }

    private static float[] Vector(SafetensorsFile file, string name, int length)
    {
        var info = file.Info(name);
        if (info.Shape is not [var n] || n != length)
            throw new InputException($"{file.Path}: tensor '{name}' has shape {info.ShapeText}, expected [{length}]");
        return file.ReadFloat32(name);
    }
}
