using StampSim.Config;
using StampSim.Hardware;
using StampSim.Numerics;
using StampSim.Rtl;
using StampSim.Rtl.Simulation;
using StampSim.Rtl.Systolic;
using StampSim.Rtl.Vectors;

namespace StampSim.App.Rtl;

/// <summary>
/// <c>stampsim rtl cycles</c>: one GEMM through the whole array's RTL and through the cost model. The codes are
/// those the golden engine makes of a seeded random layer (so the token widths are STaMP's), the RTL follows
/// the tiles of the mapping the cost model chose, every accumulator and event count is checked against the
/// golden integer GEMM in Verilator, and the cycles are set beside the model's for operands already on chip.
/// </summary>
public static class CycleCheckRun
{
    /// <summary>Runs the comparison, keeping the RTL, images and simulator build in <paramref name="workDirectory"/>.</summary>
    /// <exception cref="InputException">The config cannot be built as an array, the GEMM does not fit it, or the simulator fails.</exception>
    public static CycleComparison Run(StampConfig config, LayerShape shape, int seed, GivenMapping? mapping, double tolerance, string source, string workDirectory, ExecutionOptions options)
    {
        var design = ArrayDesign.From(config);
        RequireSimulable(shape, design);
        var cost = CostModel.Evaluate(shape, config.Numerics, config.MacArray, config.Accelerator!, mapping);
        if (!cost.Feasible || cost.Mapping is not { } chosen)
            throw new InputException($"--gemm {shape.Tokens},{shape.Features},{shape.Outputs}: the cost model finds no mapping on {config.Name}: {cost.InfeasibleReason}");
        int hiTokens = config.Numerics.HiTokensOf(shape.Tokens);
        var model = ModelGemmCycles.Of(cost, config.Numerics.HiBits, config.Numerics.LoBits, hiTokens);

        var layer = RandomLayer.Create(shape.Tokens, shape.Features, shape.Outputs, seed);
        var vectors = TestVectors.Generate(config, layer, null, options);
        var wide = vectors.TokenBits.Select(design.Column.IsWide).ToArray();
        var folds = FoldSchedule.Build(design, wide, shape.Features, shape.Outputs, shape.Features / vectors.Groups, chosen.TileTokens, chosen.TileOutputs);

        string data = Path.Combine(workDirectory, "data");
        ArrayFiles.Write(vectors, folds, hiTokens, data);
        var sources = RtlEmitter.EmitArray(design, source, Path.Combine(workDirectory, "rtl"));
        // A hang (a weight that never arrives) ends at a generous multiple of the model's count.
        long limit = 4 * model.Total + 100_000;
        var rtl = ArraySimulation.Run(sources, shape.Tokens, shape.Features, shape.Outputs, vectors.Groups, folds.Length, limit, data,
            Path.Combine(workDirectory, "verilator"));
        return new CycleComparison(config.Name, shape, seed, design, chosen, hiTokens, folds.Length, model, rtl, tolerance);
    }

    /// <summary>The largest GEMM the run accepts: its golden replay keeps a record per (token, channel, chunk).</summary>
    public const long MaxChunks = 1L << 22;

    // The fold schedule's fields are 16 bits wide, and the golden replay and the simulated memories hold every
    // code and partial result: refuse what would be cut short or exhaust memory, before any of it is built.
    private static void RequireSimulable(LayerShape shape, ArrayDesign design)
    {
        int widest = Math.Max(shape.Tokens, Math.Max(shape.Features, shape.Outputs));
        if (widest > ushort.MaxValue)
            throw new InputException($"--gemm {shape.Tokens},{shape.Features},{shape.Outputs}: the RTL's fold schedule holds dimensions up to {ushort.MaxValue}");
        long chunks = (long)shape.Tokens * shape.Outputs * ((shape.Features + design.Column.Rows - 1) / design.Column.Rows);
        if (chunks > MaxChunks)
            throw new InputException($"--gemm {shape.Tokens},{shape.Features},{shape.Outputs}: {chunks} accumulator chunks (M x N x K/rows) is more than the " +
                                     $"{MaxChunks} an RTL run checks; simulate a smaller GEMM of the same shape class");
    }
}
