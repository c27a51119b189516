namespace StampSim.Models.Onnx;

/// <summary>
/// The input limits an encoder's weights fix, read from the model before ONNX Runtime runs so that a
/// too-long text or a vocabulary that does not fit is refused with the limit named (ONNX Runtime would
/// fail deep inside a broadcast, or index past the embedding table).
/// </summary>
/// <param name="Positions">Rows of the learned position-embedding table (the longest sequence), or null when the model has none.</param>
/// <param name="PositionsTensor">That table's initializer name.</param>
/// <param name="Vocabulary">Rows of the token-embedding table gathered by <c>input_ids</c>, or null when not found.</param>
public sealed record OnnxLimits(long? Positions, string? PositionsTensor, long? Vocabulary)
{
    /// <summary>Reads the limits: the 2-D initializers that Gather nodes index (by name for positions, by the <c>input_ids</c> input for tokens).</summary>
    public static OnnxLimits Of(OnnxModel model)
    {
        long? positions = null, vocabulary = null;
        string? positionsTensor = null;
        foreach (var node in model.Graph.Node.Where(n => n.OpType == "Gather" && n.Input.Count >= 2))
        {
            if (model.Initializer(node.Input[0]) is not { Dims.Count: 2 } table) continue;
            if (positions is null && node.Input[0].Contains("position", StringComparison.OrdinalIgnoreCase))
                (positions, positionsTensor) = (table.Dims[0], node.Input[0]);
            else if (vocabulary is null && node.Input[1] == "input_ids")
                vocabulary = table.Dims[0];
        }
        return new OnnxLimits(positions, positionsTensor, vocabulary);
    }

    /// <summary>Checks that <paramref name="tokens"/> fit the model.</summary>
    /// <param name="tokens">The token ids of one sequence.</param>
    /// <param name="what">Names where the sequence's length came from, for the error (<c>--tokens</c>, a file).</param>
    /// <exception cref="InputException">The sequence is longer than the position table, or an id is past the token table.</exception>
    public void Check(ReadOnlySpan<long> tokens, string what)
    {
        if (tokens.Length > Positions)
            throw new InputException($"{what}: {tokens.Length} tokens, but the model takes at most {Positions} positions ({PositionsTensor})");
        if (Vocabulary is long v)
            foreach (long id in tokens)
                if (id < 0 || id >= v)
                    throw new InputException($"{what}: token id {id} is outside the model's vocabulary of {v} (a vocabulary file for another model?)");
    }
}
