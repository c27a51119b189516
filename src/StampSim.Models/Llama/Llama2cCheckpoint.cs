using StampSim.Models.Io;
using StampSim.Numerics;
using StampSim.Tensors;

namespace StampSim.Models.Llama;

/// <summary>
/// Loads llama2.c legacy checkpoints (<c>.bin</c>): 7 little-endian int32 (dim, hidden_dim,
/// n_layers, n_heads, n_kv_heads, vocab_size — negative when an untied classifier follows —,
/// seq_len), then float32 tensors grouped by kind across layers: token embedding, rms_att, wq,
/// wk, wv, wo, rms_ffn, w1, w2, w3, rms_final, the precomputed RoPE tables (skipped: RoPE is
/// computed, not read) and the classifier when untied.
/// </summary>
public static class Llama2cCheckpoint
{
    /// <summary>Reads the checkpoint at <paramref name="path"/>; the file length must match its header exactly.</summary>
    public static LlamaModel Load(string path, ExecutionOptions? options = null)
    {
        using var r = BinaryFileReader.Open(path);
        int dim = r.ReadInt32("header dim"), hidden = r.ReadInt32("header hidden_dim"), layers = r.ReadInt32("header n_layers");
        int heads = r.ReadInt32("header n_heads"), kvHeads = r.ReadInt32("header n_kv_heads"), signedVocab = r.ReadInt32("header vocab_size");
        int seqLen = r.ReadInt32("header seq_len");
        bool shared = signedVocab > 0;
        int vocab = signedVocab == int.MinValue ? 0 : Math.Abs(signedVocab);
        var config = new LlamaConfig(dim, hidden, layers, heads, kvHeads, vocab, seqLen, shared).Validate(path);

        long expected = ExpectedBytes(config);
        if (r.Length != expected)
            throw new InputException($"{path}: file has {r.Length} bytes but a llama2.c checkpoint with this header has {expected}");

        var embedding = ReadMatrix(r, vocab, dim, "token_embedding_table");
        var rmsAtt = ReadStack(r, layers, 1, dim, "rms_att_weight");
        var wq = ReadStack(r, layers, dim, dim, "wq");
        var wk = ReadStack(r, layers, config.KvDim, dim, "wk");
        var wv = ReadStack(r, layers, config.KvDim, dim, "wv");
        var wo = ReadStack(r, layers, dim, dim, "wo");
        var rmsFfn = ReadStack(r, layers, 1, dim, "rms_ffn_weight");
        var w1 = ReadStack(r, layers, hidden, dim, "w1");
        var w2 = ReadStack(r, layers, dim, hidden, "w2");
        var w3 = ReadStack(r, layers, hidden, dim, "w3");
        var rmsFinal = ReadMatrix(r, 1, dim, "rms_final_weight").Data;
        r.Skip(2L * seqLen * (config.HeadSize / 2) * sizeof(float), "freq_cis_real and freq_cis_imag");
        var classifier = shared ? embedding : ReadMatrix(r, vocab, dim, "wcls");

        var blocks = Enumerable.Range(0, layers)
            .Select(l => new LlamaLayerWeights(rmsAtt[l].Data, wq[l], wk[l], wv[l], wo[l], rmsFfn[l].Data, w1[l], w2[l], w3[l]))
            .ToArray();
        return new LlamaModel(config, new LlamaWeights(embedding, blocks, rmsFinal, classifier), options);
    }

    /// <summary>Size of a checkpoint with <paramref name="c"/>'s header, in bytes.</summary>
    public static long ExpectedBytes(LlamaConfig c)
    {
        checked
        {
            long perLayer = 2L * c.Dim + 2L * c.Dim * c.Dim + 2L * c.KvDim * c.Dim + 3L * c.HiddenDim * c.Dim;
            long floats = (long)c.VocabSize * c.Dim + c.Layers * perLayer + c.Dim + (long)c.SeqLen * c.HeadSize
                + (c.SharedClassifier ? 0 : (long)c.VocabSize * c.Dim);
            return 7 * sizeof(int) + floats * sizeof(float);
        }
    }

    private static Matrix<float> ReadMatrix(BinaryFileReader r, int rows, int cols, string what)
    {
        var m = new Matrix<float>(rows, cols);
        r.ReadFloat32(m.Span, what);
        return m;
    }

    private static Matrix<float>[] ReadStack(BinaryFileReader r, int layers, int rows, int cols, string what) =>
        Enumerable.Range(0, layers).Select(l => ReadMatrix(r, rows, cols, $"{what} of layer {l}")).ToArray();
}
