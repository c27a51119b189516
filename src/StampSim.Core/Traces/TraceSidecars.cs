namespace StampSim.Traces;

/// <summary>Weight and bias given on the command line for a bare .npy/.npz activation trace.</summary>
/// <param name="Weight">Weight <c>(n, d)</c> .npy file, or null.</param>
/// <param name="Bias">Bias <c>(n)</c> .npy file, or null.</param>
public sealed record TraceSidecars(string? Weight = null, string? Bias = null)
{
    /// <summary>No sidecar files.</summary>
    public static TraceSidecars None { get; } = new();

    /// <summary>True when a weight or bias file is given.</summary>
    public bool Any => Weight is not null || Bias is not null;
}
