namespace StampSim.Gpu.Crosscheck;

/// <summary>One stage a kernel developer may dump for <c>stampsim crosscheck --external-dir</c>, and that <c>--dump</c> writes.</summary>
/// <param name="Name">File stem (<c>NAME.npy</c>) and the JSON name.</param>
/// <param name="Title">The stage as the tables name it.</param>
/// <param name="Integer">Integer values (any integer dtype is read); otherwise float32.</param>
/// <param name="Axes">What each axis indexes, e.g. <c>token</c>, <c>channel</c>.</param>
public sealed record ExternalStage(string Name, string Title, bool Integer, IReadOnlyList<string> Axes);
