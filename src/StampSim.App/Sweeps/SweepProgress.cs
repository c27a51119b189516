using StampSim.Sweeps;
using StampSim.Reports.Sweeps;

namespace StampSim.App.Sweeps;

/// <summary>How far a sweep run is.</summary>
/// <param name="Done">Points of this folder's share done, resumed ones included.</param>
/// <param name="Total">Points in this folder's share.</param>
/// <param name="Finished">The point just evaluated; null in the first report, which gives the points found already done.</param>
public sealed record SweepProgress(int Done, int Total, SweepPoint? Finished);
