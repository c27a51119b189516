namespace StampSim.Hardware;

/// <summary>A cycle model: how long the GEMM of a mapping takes and what the layer's total is (<c>cycle_model</c>, one entry of <see cref="CycleModels"/>).</summary>
internal interface ICycleModel
{
    /// <summary>The config name.</summary>
    string Name { get; }

    /// <summary>GEMM cycles of the layer cut into <paramref name="tiles"/>, weights entering the array at <paramref name="weightLoad"/> bytes per cycle.</summary>
    GemmTime Gemm(Workload w, MacArrayConfig mac, GemmTiles tiles, double weightLoad);

    /// <summary>The layer's total cycles from its stage times.</summary>
    long Total(in StageTimes t);

    /// <summary>The GEMM's stages (<see cref="CostStages"/>) and their cycles, as this model splits them.</summary>
    IEnumerable<(string Stage, long Cycles)> GemmStages(GemmTime gemm, Workload w);
}

/// <summary>What a total is made of: the slowest unit, the slowest memory, the unhidden fill, the GEMM, and whether memory overlaps compute.</summary>
internal readonly record struct StageTimes(long ComputeBound, long MemoryBound, long Fill, long Gemm, bool Overlapped);

/// <summary>The tiles of one mapping: tokens, output channels and reduction elements per tile.</summary>
internal readonly record struct GemmTiles(int Tokens, int Outputs, int Reduction);
