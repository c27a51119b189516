namespace StampSim.Hardware;

/// <summary>
/// SCALE-Sim v2's compute cycles (<c>cycle_model: scalesim</c>), for validation: one GEMM of all
/// tokens at one precision, the total being the GEMM alone.
/// </summary>
internal sealed class ScaleSimCycleModel : ICycleModel
{
    public static ScaleSimCycleModel Instance { get; } = new();

    public GemmTime Gemm(Workload w, MacArrayConfig mac, int tileTokens) =>
        new(0, GemmCycles.ScaleSim(mac.Dataflow, mac.Rows, mac.Cols, w.Shape.Tokens, w.Shape.Features, w.Shape.Outputs), 0);

    public long Total(in StageTimes t) => t.Gemm;
}
