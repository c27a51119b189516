namespace StampSim.Hardware;

/// <summary>The cycle models a config can name (<c>cycle_model</c>), keyed by name.</summary>
public static class CycleModels
{
    /// <summary>The default: StampSim's model.</summary>
    public const string Stamp = "stamp";

    private static readonly ICycleModel[] Models = [StampCycleModel.Instance, ScaleSimCycleModel.Instance];

    /// <summary>Every name, in documentation order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Models.Select(m => m.Name)];

    /// <summary>Returns <paramref name="name"/> when a cycle model has it.</summary>
    /// <exception cref="FormatException">No cycle model has that name; the message lists the known ones.</exception>
    public static string Check(string name) => For(name).Name;

    /// <summary>The cycle model named <paramref name="name"/>.</summary>
    /// <exception cref="FormatException">No cycle model has that name; the message lists the known ones.</exception>
    internal static ICycleModel For(string name) =>
        Models.FirstOrDefault(m => m.Name == name) ?? throw new FormatException($"unknown cycle model '{name}' (known: {string.Join(", ", Names)})");
}
