using StampSim.App.Rtl;
using StampSim.Config;
using StampSim.Hardware;
using StampSim.Numerics;
using StampSim.Rtl.Systolic;

namespace StampSim.Tests.Rtl;

/// <summary>
/// Issue 28's check on an 8x8 variant of the shipped arrays: the GEMM shapes that matter (GEMV, M below the
/// array, K and N not multiples of it, mixed 8-bit/4-bit token groups), exact outputs and model cycles within 2%
/// of the RTL's; and a cycle formula off by one fold is caught.
/// </summary>
public class CycleCheckRunTests
{
    private static StampConfig Config(string name, params string[] sets) =>
        StampConfig.Load(Path.Combine(SharedData.RepoRoot(), "hwconfigs", name + ".yaml"), ["mac_array.rows=8", "mac_array.cols=8", .. sets]);

    private static CycleComparison Run(StampConfig config, int m, int k, int n)
    {
        using var dir = new TempDir();
        return CycleCheckRun.Run(config, new LayerShape(m, k, n), 1, null, 0.02, "tests", dir.Root, new ExecutionOptions(MaxThreads: 1));
    }

    [SkippableTheory]
    [InlineData("edge-npu", 1, 64, 32)]
    [InlineData("edge-npu", 8, 40, 48)]
    [InlineData("bitfusion", 33, 100, 20, "numerics.hi_tokens=8")]
    [InlineData("edge-npu", 33, 100, 20, "numerics.hi_tokens=8", "mac_array.double_buffered_weights=false")]
    public void The_model_is_within_two_percent_of_the_RTL_and_every_output_is_exact(string config, int m, int k, int n, params string[] sets)
    {
        Tools.Require("verilator");
        var c = Run(Config(config, sets), m, k, n);
        Assert.True(c.Rtl.Mismatches == 0, c.Rtl.FirstMismatch);
        Assert.True(c.Passed, $"model {c.Model.Total} vs RTL {c.Rtl.Cycles} cycles ({c.Difference:P2})");
        // The phases the RTL exposes add up to its total.
        Assert.Equal(c.Rtl.Cycles, c.Rtl.HiStream + c.Rtl.LoStream + c.Rtl.Stall + c.Rtl.LoadWait + c.Rtl.FillDrain);
    }

    [SkippableFact]
    public void A_cycle_formula_one_fold_off_fails_the_check()
    {
        Tools.Require("verilator");
        var c = Run(Config("edge-npu"), 8, 40, 48);
        Assert.True(c.Passed, $"model {c.Model.Total} vs RTL {c.Rtl.Cycles}");
        // 5 chunks x 6 channel folds; each fold streams 8 two-pass tokens: 16 cycles, 3% of the GEMM.
        Assert.Equal(30, c.Folds);
        foreach (long off in new long[] { 16, -16 })
        {
            var wrong = c with { Model = c.Model with { HiStream = c.Model.HiStream + off } };
            Assert.False(wrong.Passed, $"a model {off} cycles off passed");
        }
    }
}
