namespace StampSim.Evaluation;

/// <summary>Which layer is evaluated, as records and messages name it.</summary>
/// <param name="Name">Layer name (a trace layer's name, or the activation file's name for a single layer).</param>
/// <param name="Kind">Layer kind from the trace (<c>attn.q</c>, <c>mlp.down</c>, ...), or null.</param>
/// <param name="Block">Transformer block index from the trace, or null.</param>
/// <param name="Source">Where the layer comes from, prefixed to error messages (a trace path), or null.</param>
public sealed record LayerSubject(string Name, string? Kind = null, int? Block = null, string? Source = null)
{
    /// <summary>Prefixes an error message with the source and layer name, when there is a source.</summary>
    public string Qualify(string message) => Source is null ? message : $"{Source}: layer '{Name}': {message}";

    /// <summary>Runs <paramref name="action"/>; an input error it raises is raised again naming this layer (when there is a source).</summary>
    /// <exception cref="InputException">The action's input error, qualified.</exception>
    public T Named<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (InputException e) when (Source is not null)
        {
            throw new InputException(Qualify(e.Message), e);
        }
    }
}
