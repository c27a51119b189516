namespace StampSim.Tensors;

/// <summary>
/// Independent sequences stacked along the token axis of one activation matrix (ragged lengths, no
/// padding): sequence k is rows <c>[Offsets[k], Offsets[k] + Lengths[k])</c>. The golden layer transforms,
/// allocates bits to and quantizes each sequence on its own, exactly as if it ran alone, while the integer
/// GEMM runs once over every token.
/// </summary>
public sealed class SequenceBatch
{
    /// <summary>A batch of sequences of <paramref name="lengths"/> tokens, in order.</summary>
    /// <exception cref="ArgumentException">No sequence, or a length below 1.</exception>
    public SequenceBatch(IReadOnlyList<int> lengths)
    {
        if (lengths.Count == 0) throw new ArgumentException("a batch needs at least one sequence", nameof(lengths));
        var offsets = new int[lengths.Count];
        int tokens = 0;
        for (int k = 0; k < lengths.Count; k++)
        {
            if (lengths[k] < 1) throw new ArgumentException($"sequence {k} has {lengths[k]} tokens; every sequence needs at least one", nameof(lengths));
            offsets[k] = tokens;
            tokens = checked(tokens + lengths[k]);
        }
        Lengths = [.. lengths];
        Offsets = offsets;
        Tokens = tokens;
    }

    /// <summary>One sequence of <paramref name="tokens"/> tokens (the unbatched layer).</summary>
    public static SequenceBatch Single(int tokens) => new([tokens]);

    /// <summary>Tokens of each sequence.</summary>
    public IReadOnlyList<int> Lengths { get; }

    /// <summary>First row of each sequence.</summary>
    public IReadOnlyList<int> Offsets { get; }

    /// <summary>Number of sequences.</summary>
    public int Count => Lengths.Count;

    /// <summary>Tokens of all sequences together.</summary>
    public int Tokens { get; }

    /// <summary>Rows of sequence <paramref name="k"/> of a row-major matrix with <paramref name="cols"/> columns.</summary>
    public Span<T> Rows<T>(Span<T> data, int k, int cols) => data.Slice(Offsets[k] * cols, Lengths[k] * cols);
}
