using StampSim.Tests.Support;
using StampSim.Rtl;
using StampSim.Rtl.Simulation;
using StampSim.Rtl.Systolic;

namespace StampSim.Tests.Simulation;

/// <summary>
/// The whole array's RTL in Verilator on small GEMMs: every accumulator and event count equal to the golden
/// integer GEMM's, in both weight-buffering modes and all three ways of running 8-bit tokens; and a schedule
/// that drops a fold is caught.
/// </summary>
public class ArraySimulationTests
{
    private static (ArraySimulationResult Result, int Folds) Run(string config, int m, int k, int n, Func<Fold[], Fold[]>? edit = null, params string[] sets)
    {
        var cfg = RtlBench.Config(config, ["mac_array.rows=8", "mac_array.cols=8", "numerics.hi_tokens=3", .. sets]);
        var design = ArrayDesign.From(cfg);
        var vectors = RtlBench.Random(cfg, m, k, n);
        var wide = vectors.TokenBits.Select(design.Column.IsWide).ToArray();
        var folds = FoldSchedule.Build(design, wide, k, n, k / vectors.Groups, m, n);
        if (edit is not null) folds = edit(folds);
        using var dir = new TempDir();
        ArrayFiles.Write(vectors, folds, cfg.Numerics.HiTokensOf(m), Path.Combine(dir.Root, "data"));
        var sources = RtlEmitter.EmitArray(design, "tests", Path.Combine(dir.Root, "rtl"));
        var result = ArraySimulation.Run(sources, m, k, n, vectors.Groups, folds.Length, 100_000, Path.Combine(dir.Root, "data"),
            Path.Combine(dir.Root, "build"));
        return (result, folds.Length);
    }

    [SkippableTheory]
    [InlineData("edge-npu")]
    [InlineData("bitfusion")]
    [InlineData("int8-baseline")]
    [InlineData("edge-npu", "mac_array.double_buffered_weights=false", "numerics.act_group=12")]
    public void Every_output_of_a_mixed_precision_GEMM_matches_the_golden_integer_GEMM(string config, params string[] sets)
    {
        Tools.Require("verilator");
        var (r, _) = Run(config, 7, 24, 12, null, sets);
        Assert.True(r.Mismatches == 0, r.FirstMismatch);
        Assert.True(r.Checked >= 7 * 12);
        Assert.True(r.HiStream > 0 && r.LoStream > 0, $"hi {r.HiStream}, lo {r.LoStream}");
    }

    [SkippableFact]
    public void A_schedule_missing_one_fold_leaves_wrong_accumulators()
    {
        Tools.Require("verilator");
        var (r, _) = Run("edge-npu", 7, 24, 12, folds => folds[..^1]);
        Assert.True(r.Mismatches > 0, "a dropped fold went unnoticed");
        Assert.NotNull(r.FirstMismatch);
    }
}
