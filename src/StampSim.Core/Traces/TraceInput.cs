namespace StampSim.Traces;

/// <summary>What produced a trace's activations.</summary>
/// <param name="Kind"><c>text</c>, <c>image</c>, <c>seed</c> (synthetic) or <c>other</c>.</param>
/// <param name="Description">Free text: the prompt source, the preprocessing, the generator's knobs.</param>
/// <param name="Files">Input files (a text file, images), as named by whoever captured the trace.</param>
/// <param name="Seed">Random seed of a synthetic trace.</param>
/// <param name="TokenIds">For text, the exact token ids the model saw, when known.</param>
public sealed record TraceInput(string Kind, string? Description = null, IReadOnlyList<string>? Files = null,
    ulong? Seed = null, IReadOnlyList<long>? TokenIds = null)
{
    /// <summary>The input kinds the format defines.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["text", "image", "seed", "other"];
}
