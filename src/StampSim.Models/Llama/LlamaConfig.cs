namespace StampSim.Models.Llama;

/// <summary>Hyper-parameters of a LLaMA-architecture language model (llama2.c family).</summary>
/// <param name="Dim">Model width.</param>
/// <param name="HiddenDim">SwiGLU hidden width.</param>
/// <param name="Layers">Transformer blocks.</param>
/// <param name="Heads">Query heads.</param>
/// <param name="KvHeads">Key/value heads (grouped-query attention when fewer than <paramref name="Heads"/>).</param>
/// <param name="VocabSize">Vocabulary size.</param>
/// <param name="SeqLen">Context length the model was trained with.</param>
/// <param name="SharedClassifier">True when the output classifier is the token embedding (tied).</param>
public sealed record LlamaConfig(int Dim, int HiddenDim, int Layers, int Heads, int KvHeads, int VocabSize, int SeqLen, bool SharedClassifier)
{
    /// <summary>RMSNorm epsilon (llama2.c: 1e-5).</summary>
    public double NormEps { get; init; } = 1e-5;

    /// <summary>RoPE base (llama2.c: 10000).</summary>
    public double RopeTheta { get; init; } = 10000;

    /// <summary>Width of one head.</summary>
    public int HeadSize => Dim / Heads;

    /// <summary>Width of the key and value projections.</summary>
    public int KvDim => KvHeads * HeadSize;

    /// <summary>Throws when the hyper-parameters cannot describe a model; <paramref name="source"/> names the file.</summary>
    public LlamaConfig Validate(string source)
    {
        void Require(bool ok, string what)
        {
            if (!ok) throw new InputException($"{source}: {what} (dim {Dim}, hidden_dim {HiddenDim}, n_layers {Layers}, n_heads {Heads}, n_kv_heads {KvHeads}, vocab_size {VocabSize}, seq_len {SeqLen})");
        }
        Require(Dim > 0 && HiddenDim > 0 && Layers > 0 && Heads > 0 && KvHeads > 0 && VocabSize > 0 && SeqLen > 0, "every dimension must be positive");
        Require(Dim % Heads == 0, "dim must be a multiple of n_heads");
        Require(Heads % KvHeads == 0, "n_heads must be a multiple of n_kv_heads");
        Require(HeadSize % 2 == 0, "the head size must be even for RoPE pairs");
        Require(NormEps > 0 && RopeTheta > 0, "norm_eps and rope_theta must be positive");
        return this;
    }
}
