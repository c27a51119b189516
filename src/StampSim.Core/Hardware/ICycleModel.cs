namespace StampSim.Hardware;

/// <summary>A cycle model: how long the GEMM of a mapping takes and what the layer's total is (<c>cycle_model</c>).</summary>
internal interface ICycleModel
{
    /// <summary>GEMM cycles of the layer cut into token tiles of <paramref name="tileTokens"/>.</summary>
    GemmTime Gemm(Workload w, MacArrayConfig mac, int tileTokens);

    /// <summary>The layer's total cycles from its stage times.</summary>
    long Total(in StageTimes t);

    /// <summary>The model a config names.</summary>
    public static ICycleModel For(CycleModel model) => model == CycleModel.Scalesim ? ScaleSimCycleModel.Instance : StampCycleModel.Instance;
}

/// <summary>What a total is made of: the slowest unit, the slowest memory, the unhidden fill, the GEMM, and whether memory overlaps compute.</summary>
internal readonly record struct StageTimes(long ComputeBound, long MemoryBound, long Fill, long Gemm, bool Overlapped);
