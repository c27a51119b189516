namespace StampSim.Hardware;

/// <summary>
/// SCALE-Sim v2's compute cycles (<c>cycle_model: scalesim</c>), for validation: one GEMM of all
/// tokens at one precision, untiled, the total being the GEMM alone.
/// </summary>
internal sealed class ScaleSimCycleModel : ICycleModel
{
    public static ScaleSimCycleModel Instance { get; } = new();

    public string Name => "scalesim";

    public GemmTime Gemm(Workload w, MacArrayConfig mac, GemmTiles tiles, double weightLoad) =>
        new(0, GemmCycles.ScaleSim(mac.Dataflow, mac.Rows, mac.Cols, w.Shape.Tokens, w.Shape.Features, w.Shape.Outputs), 0, 0);

    public long Total(in StageTimes t) => t.Gemm;

    // One precision, no split by token width: the whole GEMM is the plain "gemm".
    public IEnumerable<(string Stage, long Cycles)> GemmStages(GemmTime gemm, Workload w) =>
        [(CostStages.Gemm, gemm.Hi + gemm.Lo), (CostStages.GemmFillDrain, gemm.Skew)];
}
