namespace StampSim.Traces;

/// <summary>
/// The manifest of a trace, stored as JSON under <see cref="MetadataKey"/> in the safetensors
/// <c>__metadata__</c> (see <c>traces/README.md</c>).
/// </summary>
/// <param name="Model">Model name, e.g. <c>meta-llama/Meta-Llama-3-8B</c>.</param>
/// <param name="Source">Where the model and trace come from (URL, tool, command).</param>
/// <param name="License">Licence of the model / data the activations derive from.</param>
/// <param name="Input">What input produced the activations.</param>
/// <param name="Layers">The layers, in model order.</param>
public sealed record TraceManifest(string Model, string? Source, string? License, TraceInput Input, IReadOnlyList<TraceLayer> Layers)
{
    /// <summary>The format version this StampSim reads and writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The <c>__metadata__</c> key holding the manifest JSON.</summary>
    public const string MetadataKey = "stampsim_trace";

    /// <summary>Format version of the manifest.</summary>
    public int FormatVersion { get; init; } = CurrentVersion;

    /// <summary>The layer called <paramref name="name"/>.</summary>
    /// <exception cref="InputException">No such layer; the message lists a few that exist.</exception>
    public TraceLayer Layer(string name, string where) =>
        Layers.FirstOrDefault(l => l.Name == name)
        ?? throw new InputException($"{where}: no layer named '{name}' (layers: {NameList(Layers.Select(l => l.Name))})");

    /// <summary>Up to eight names, comma-separated, with a count of the rest.</summary>
    internal static string NameList(IEnumerable<string> names)
    {
        var all = names.ToList();
        string shown = string.Join(", ", all.Take(8));
        return all.Count > 8 ? $"{shown}, ... {all.Count - 8} more" : shown;
    }
}
