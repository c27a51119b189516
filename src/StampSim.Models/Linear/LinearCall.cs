using StampSim.Numerics;
using StampSim.Tensors;

namespace StampSim.Models.Linear;

/// <summary>
/// One application of an <c>nn.Linear</c>-equivalent layer, <c>Y = X W^T + b</c>, with what an
/// executor needs to know about where it sits in the model.
/// </summary>
public sealed record LinearCall
{
    /// <summary>Describes a call; shapes are checked because a mismatch is a bug in the calling model.</summary>
    /// <param name="name">The model's own weight name without <c>.weight</c>, e.g. <c>layers.2.feed_forward.w2</c>.</param>
    /// <param name="kind">The layer's role.</param>
    /// <param name="block">Transformer block index, or null for layers outside the blocks.</param>
    /// <param name="x">Activations (s, d); the model never modifies them after the call.</param>
    /// <param name="w">Weights (n, d), PyTorch layout.</param>
    /// <param name="bias">Bias (n), or null.</param>
    /// <param name="grid">Token grid of an image model's patch tokens, or null for a plain sequence.</param>
    /// <param name="prefixTokens">Leading tokens of each sequence that are not on the grid (a ViT's CLS token).</param>
    /// <param name="sequences">
    /// The independent sequences stacked in <paramref name="x"/> (a batch of sentences), each transformed and quantized
    /// on its own; null for one sequence. The grid and prefix tokens then describe every sequence.
    /// </param>
    public LinearCall(string name, LinearKind kind, int? block, Matrix<float> x, Matrix<float> w, float[]? bias,
        TokenGrid? grid = null, int prefixTokens = 0, SequenceBatch? sequences = null)
    {
        sequences ??= SequenceBatch.Single(x.Rows);
        if (sequences.Tokens != x.Rows)
            throw new ArgumentException($"{name}: the sequences have {sequences.Tokens} tokens but the activations {x.Rows} rows");
        if (x.Cols != w.Cols)
            throw new ArgumentException($"{name}: activations have d = {x.Cols} but weights are ({w.Rows}, {w.Cols})");
        if (bias is not null && bias.Length != w.Rows)
            throw new ArgumentException($"{name}: bias has {bias.Length} values, expected {w.Rows}");
        if (grid is not null && sequences.Lengths.FirstOrDefault(l => l != prefixTokens + grid.Count) is int bad and > 0)
            throw new ArgumentException($"{name}: {prefixTokens} prefix tokens plus grid {grid} do not make s = {bad}");
        if (grid is null && prefixTokens != 0)
            throw new ArgumentException($"{name}: prefix tokens are only meaningful with a grid");
        Name = name;
        Kind = kind;
        Block = block;
        X = x;
        W = w;
        Bias = bias;
        Grid = grid;
        PrefixTokens = prefixTokens;
        Sequences = sequences;
    }

    /// <summary>The model's weight name without <c>.weight</c>.</summary>
    public string Name { get; }

    /// <summary>The layer's role.</summary>
    public LinearKind Kind { get; }

    /// <summary>Transformer block index; null outside the blocks.</summary>
    public int? Block { get; }

    /// <summary>Activations (s, d).</summary>
    public Matrix<float> X { get; }

    /// <summary>Weights (n, d).</summary>
    public Matrix<float> W { get; }

    /// <summary>Bias (n), or null.</summary>
    public float[]? Bias { get; }

    /// <summary>Token grid of the patch tokens, or null.</summary>
    public TokenGrid? Grid { get; }

    /// <summary>Leading non-grid tokens (0 without a grid).</summary>
    public int PrefixTokens { get; }

    /// <summary>The independent sequences stacked in <see cref="X"/> (one for an unbatched call).</summary>
    public SequenceBatch Sequences { get; }

    /// <summary>Tokens s (of all sequences together).</summary>
    public int Tokens => X.Rows;

    /// <summary>Input features d.</summary>
    public int Features => X.Cols;

    /// <summary>Output features n.</summary>
    public int Outputs => W.Rows;
}
