using StampSim.Config;

namespace StampSim.Sweeps;

/// <summary>One design point: a base config and trace, one value per axis, and the config they make.</summary>
/// <param name="Index">Stable position in the full grid over configs x traces x axes; names the point in every output.</param>
/// <param name="ConfigIndex">Which base config.</param>
/// <param name="TraceIndex">Which trace.</param>
/// <param name="Values">The value of each axis, in spec order.</param>
/// <param name="Config">The effective config.</param>
public sealed record SweepPoint(long Index, int ConfigIndex, int TraceIndex, IReadOnlyList<string> Values, StampConfig Config);
