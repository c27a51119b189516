namespace StampSim.Hardware;

/// <summary>The dataflows a config can name (<c>mac_array.dataflow</c>), keyed by name.</summary>
public static class Dataflows
{
    /// <summary>Weight stationary: weights pinned in the array (reduction on rows, outputs on columns), tokens stream.</summary>
    public static Dataflow Ws { get; } = new("ws", "weight stationary", GemmAxis.Reduction, GemmAxis.Outputs, TensorKind.Weights);

    /// <summary>Output stationary: each processing element keeps one output (tokens on rows, outputs on columns), the reduction streams.</summary>
    public static Dataflow Os { get; } = new("os", "output stationary", GemmAxis.Tokens, GemmAxis.Outputs, TensorKind.Outputs);

    /// <summary>Input stationary: activations pinned (reduction on rows, tokens on columns), the outputs stream.</summary>
    public static Dataflow Is { get; } = new("is", "input stationary", GemmAxis.Reduction, GemmAxis.Tokens, TensorKind.Activations);

    /// <summary>Every dataflow, in documentation order.</summary>
    public static IReadOnlyList<Dataflow> All { get; } = [Ws, Os, Is];

    /// <summary>The dataflow named <paramref name="name"/>.</summary>
    /// <exception cref="FormatException">No dataflow has that name; the message lists the known ones.</exception>
    public static Dataflow Named(string name) =>
        All.FirstOrDefault(d => d.Name == name) ?? throw new FormatException($"unknown dataflow '{name}' (known: {string.Join(", ", All.Select(d => d.Name))})");
}
