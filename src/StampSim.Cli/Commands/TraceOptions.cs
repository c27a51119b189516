using System.CommandLine;
using StampSim.Traces;

namespace StampSim.Cli.Commands;

/// <summary>Options and helpers shared by the commands that read traces.</summary>
internal static class TraceOptions
{
    public static Option<string> Trace(bool required) => new("--trace")
    {
        Description = "Activation trace: .safetensors with a manifest, or a single layer as .npy (X) or .npz (x, w, b)",
        Required = required,
    };

    public static Option<string?> Layer() => new("--layer") { Description = "Layer name in the trace (optional when the trace has one layer)" };

    /// <summary>The named layer, or the only one.</summary>
    public static TraceLayer Resolve(TraceFile trace, string? name)
    {
        if (name is not null) return trace.Layer(name);
        if (trace.Manifest.Layers.Count == 1) return trace.Manifest.Layers[0];
        throw new InputException($"--layer: {trace.Name} has {trace.Manifest.Layers.Count} layers; name one " +
                                 $"(layers: {string.Join(", ", trace.Manifest.Layers.Take(8).Select(l => l.Name))}{(trace.Manifest.Layers.Count > 8 ? ", ..." : "")})");
    }
}
