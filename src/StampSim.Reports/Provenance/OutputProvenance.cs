namespace StampSim.Reports.Provenance;

/// <summary>
/// The provenance of one output: who made it and how (<see cref="RunProvenance"/>: tool, commits,
/// command, machine, times), the files it was made from and the files it wrote.
/// </summary>
/// <param name="Run">Tool, commits, command line, machine and times.</param>
/// <param name="Inputs">Input files the output's own content does not already identify (may be empty).</param>
/// <param name="Outputs">The files written, as listed in the manifest.</param>
public sealed record OutputProvenance(RunProvenance Run, IReadOnlyList<FileDigest> Inputs, IReadOnlyList<FileDigest> Outputs);
