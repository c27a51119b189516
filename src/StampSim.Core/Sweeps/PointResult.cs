namespace StampSim.Sweeps;

/// <summary>The totals of one point over the selected layers of its trace.</summary>
/// <param name="Index">The point's index.</param>
/// <param name="Feasible">False when some layer cannot run on the design.</param>
/// <param name="Reason">Why not (names the layer).</param>
/// <param name="Cycles">Total cycles.</param>
/// <param name="Seconds">Total time at the clock.</param>
/// <param name="DramBytes">DRAM bytes read and written.</param>
/// <param name="EnergyPj">Total energy.</param>
/// <param name="FjPerMac">Energy per MAC.</param>
/// <param name="SqnrDb">Output SQNR over all layers (total signal over total error).</param>
/// <param name="ActSqnrDb">Activation SQNR over all layers.</param>
/// <param name="PayloadBits">Mean activation bits, weighted by activation elements.</param>
/// <param name="BitsWithMetadata">The same with scales and offsets.</param>
public sealed record PointResult(long Index, bool Feasible, string? Reason, long Cycles, double Seconds, double DramBytes, double EnergyPj,
    double FjPerMac, double SqnrDb, double ActSqnrDb, double PayloadBits, double BitsWithMetadata)
{
    /// <summary>A point that cannot run, with the reason (naming the layer).</summary>
    public static PointResult Infeasible(long index, string reason) =>
        new(index, false, reason, 0, 0, 0, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN);
}
