using StampSim.Hardware;
using StampSim.Rtl.Simulation;

namespace StampSim.Rtl.Systolic;

/// <summary>The cost model's GEMM cycles for operands already on chip, split as its stages split them.</summary>
/// <param name="HiStream">Streaming the high-precision tokens (<c>gemm_a{hi_bits}</c>).</param>
/// <param name="LoStream">Streaming the low-precision tokens (<c>gemm_a{lo_bits}</c>).</param>
/// <param name="FillDrain">Array fill and drain (<c>gemm_fill_drain</c>).</param>
/// <param name="WeightLoad">Weight loads streaming does not hide (<c>gemm_weight_load</c>).</param>
public readonly record struct ModelGemmCycles(long HiStream, long LoStream, long FillDrain, long WeightLoad)
{
    /// <summary>The GEMM's cycles.</summary>
    public long Total => HiStream + LoStream + FillDrain + WeightLoad;

    /// <summary>The GEMM stages of a cost result.</summary>
    /// <param name="cost">The layer's cost.</param>
    /// <param name="hiBits">Bits of the high-precision tokens.</param>
    /// <param name="loBits">Bits of the low-precision tokens.</param>
    /// <param name="hiTokens">How many tokens are high precision.</param>
    public static ModelGemmCycles Of(CostResult cost, int hiBits, int loBits, int hiTokens)
    {
        long Stage(string name) => cost.CyclesByStage.TryGetValue(name, out long v) ? v : 0;
        // Both widths equal: one stage holds all the streaming; it belongs to the high-precision tokens only when all are.
        long hi = hiBits == loBits ? (hiTokens > 0 ? Stage(CostStages.GemmAt(hiBits)) : 0) : Stage(CostStages.GemmAt(hiBits));
        long lo = hiBits == loBits ? (hiTokens > 0 ? 0 : Stage(CostStages.GemmAt(loBits))) : Stage(CostStages.GemmAt(loBits));
        return new ModelGemmCycles(hi, lo, Stage(CostStages.GemmFillDrain), Stage(CostStages.GemmWeightLoad));
    }
}

/// <summary>One GEMM run on the array's RTL beside the cost model's cycles for it (<c>stampsim rtl cycles</c>).</summary>
/// <param name="Config">The config's name.</param>
/// <param name="Shape">The GEMM as a layer: M tokens, K features, N outputs.</param>
/// <param name="Seed">Seed of the random layer whose codes were run.</param>
/// <param name="Design">The array.</param>
/// <param name="Mapping">The cost model's mapping, whose tiles the RTL's schedule follows.</param>
/// <param name="HiTokens">High-precision tokens.</param>
/// <param name="Folds">Folds the array ran.</param>
/// <param name="Model">The cost model's cycles.</param>
/// <param name="Rtl">The RTL's cycles and check.</param>
/// <param name="Tolerance">The largest relative cycle difference accepted.</param>
public sealed record CycleComparison(string Config, LayerShape Shape, int Seed, ArrayDesign Design, Mapping Mapping, int HiTokens, int Folds,
    ModelGemmCycles Model, ArraySimulationResult Rtl, double Tolerance)
{
    /// <summary>(model − RTL) / RTL.</summary>
    public double Difference => Rtl.Cycles == 0 ? 0 : (double)(Model.Total - Rtl.Cycles) / Rtl.Cycles;

    /// <summary>Every output exact and the cycles within the tolerance.</summary>
    public bool Passed => Rtl.Mismatches == 0 && Math.Abs(Difference) <= Tolerance;
}
