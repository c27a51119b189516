using StampSim.Config;
using StampSim.Hardware;
using StampSim.Numerics;
using StampSim.Tests.Support;

namespace StampSim.Tests.Hardware;

public class CostModelTests
{
    private static StampConfig Unit(params string[] sets) => StampConfig.Load(TestData.Fixture("Hardware", "Fixtures", "unit-accel.yaml"), sets);

    private static CostResult Cost(StampConfig c, LayerShape shape, NumericsConfig? numerics = null, GivenMapping? mapping = null) =>
        CostModel.Evaluate(shape, numerics ?? c.Numerics, c.MacArray, c.Accelerator!, mapping);

    [Fact]
    public void Hand_checked_stages_on_the_unit_accelerator()
    {
        // s=64, d=32, n=16, hi_tokens=4, haar auto levels = 4 (64/16 = 4 >= 4), R=C=4 ws, lanes 4.
        var c = Unit();
        var r = Cost(c, new LayerShape(64, 32, 16));
        Assert.True(r.Feasible);
        var st = r.CyclesByStage;
        // Haar work per column: 64 + 32 + 16 + 8 butterfly outputs = 120; x d=32 / 4 lanes; inverse x n=16 / 4.
        Assert.Equal(120 * 32 / 4, st["sequence_transform"]);
        Assert.Equal(120 * 16 / 4, st["inverse_transform"]);
        Assert.Equal(2 * 64 * 32 / 4, st["quantizer"]);                 // min/max pass + quantize pass
        Assert.Equal(64 * 16 * 5 / 4, st["epilogue"]);                  // 5 ops per output (one group, no bias)
        // 32 folds per token tile; 4 high-precision tokens take two nibble passes.
        var m = r.Mapping!;
        Assert.Equal(LoopOrder.ActivationsOuter, m.Order);
        Assert.Equal(32 * 4 * 2, st["gemm_a8"]);
        Assert.Equal(32 * 60, st["gemm_a4"]);
        // ws, double-buffered weights: the array fills and drains once (R + C - 2) and waits once for the first
        // fold's weights (16 int4 codes = 8 B at 16 B/cycle: half a cycle, rounded up); every later load hides under streaming.
        Assert.Equal(6, st["gemm_fill_drain"]);
        Assert.Equal(1, st["gemm_weight_load"]);
        // DRAM: X in fp16 once; weights (16x32 int4 codes, fp16 scales, int32 row sums) once (they fit); Y fp16 once.
        Assert.Equal(64 * 32 * 2, r.DramByTensor["input"].Read);
        Assert.Equal(16 * 32 / 2 + 16 * 2 + 16 * 4, r.DramByTensor["weights"].Read);
        Assert.Equal(0, r.DramByTensor["activations"].Total);
        Assert.Equal(64 * 16 * 2, r.DramByTensor["output"].Write);
        Assert.Equal((long)Math.Ceiling((4096 + 352 + 2048) / 16.0), st["dram"]);
        // MACs: 4 tokens charged as 8-bit-token MACs, 60 as int4.
        Assert.Equal(4.0 * 32 * 16, r.Actions[new(ActionKind.MacInt8Token)]);
        Assert.Equal(60.0 * 32 * 16, r.Actions[new(ActionKind.MacInt4)]);
    }

    [Fact]
    public void Energy_total_is_the_sum_of_actions_times_the_table()
    {
        var c = StampConfig.Load(TestData.Fixture("Hardware", "Fixtures", "unit-accel.yaml"));
        foreach (var shape in new[] { new LayerShape(64, 32, 16), new LayerShape(100, 48, 40, true), new LayerShape(512, 256, 64) })
        {
            var r = Cost(c, shape);
            double sum = r.Actions.Sum(a => a.Value * c.Accelerator!.Energy[a.Key]);
            Assert.Equal(sum, r.EnergyPj, 6);
            Assert.Equal(r.EnergyPj, r.EnergyByComponentPj.Values.Sum(), 6);
            Assert.Equal(r.EnergyPj * 1000 / shape.Macs, r.FemtojoulesPerMac, 9);
        }
    }

    public static TheoryData<int, int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int, int>();
        var rng = new Random(42);
        for (int i = 0; i < 12; i++)
            data.Add(16 * rng.Next(1, 40), 8 * rng.Next(1, 64), 4 * rng.Next(1, 64), rng.Next(0, 3));
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Invariants_hold(int s, int d, int n, int dataflow)
    {
        var c = Unit($"mac_array.dataflow={Dataflows.All[dataflow].Name}");
        var shape = new LayerShape(s, d, n);
        var r = Cost(c, shape);
        Assert.True(r.Feasible, r.InfeasibleReason);
        Assert.True(r.TotalCycles >= r.ComputeBoundCycles && r.TotalCycles >= r.MemoryBoundCycles);
        // Every tensor crosses DRAM at least once at its stored width.
        Assert.True(r.DramByTensor["input"].Read >= (double)s * d * 2);
        Assert.True(r.DramByTensor["weights"].Read >= (double)n * d / 2);
        Assert.True(r.DramByTensor["output"].Write >= (double)s * n * 2);

        // Halving a bandwidth never reduces cycles.
        foreach (var set in new[] { "dram.bandwidth=8 GB/s", "buffers.act.read_bandwidth=8", "buffers.out.write_bandwidth=8", "buffers.wgt.read_bandwidth=8" })
            Assert.True(Cost(Unit(set, $"mac_array.dataflow={Dataflows.All[dataflow].Name}"), shape).TotalCycles >= r.TotalCycles, set);

        // More high-precision tokens never reduce cycles; at a fixed mapping they never reduce bytes either.
        // (Levels are fixed: with levels: auto, more high-precision tokens also mean fewer transform levels.)
        var fewer = c.Numerics with { HiTokens = 0, Levels = 2 };
        var more = c.Numerics with { HiTokens = Math.Min(s, 32), Levels = 2 };
        var rf = Cost(c, shape, fewer);
        var rm = Cost(c, shape, more);
        Assert.True(rm.TotalCycles >= rf.TotalCycles);
        var fixedRm = Cost(c, shape, more, GivenMapping.From(rf.Mapping!));
        if (fixedRm.Feasible)
            Assert.True(fixedRm.DramReadBytes + fixedRm.DramWriteBytes >= rf.DramReadBytes + rf.DramWriteBytes);
    }

    [Fact]
    public void Scalesim_mode_reports_scalesim_compute_cycles()
    {
        foreach (var df in new[] { "ws", "os", "is" })
        {
            var c = Unit("cycle_model=scalesim", $"mac_array.dataflow={df}", "mac_array.rows=8", "mac_array.cols=4");
            var r = Cost(c, new LayerShape(10, 20, 6));
            long expected = df switch { "os" => 119, "ws" => 167, _ => 215 };
            Assert.Equal(expected, r.TotalCycles);
            // One precision, no split: the whole GEMM under one name, however the tokens are quantized.
            Assert.Equal(expected, r.CyclesByStage["gemm"]);
            Assert.DoesNotContain(r.CyclesByStage.Keys, k => k.StartsWith("gemm_a", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Stamp_costs_between_a4_and_a8_and_fused_mode_halves_columns()
    {
        var c = Unit();
        var shape = new LayerShape(256, 64, 32);
        var cmp = CostComparison.Evaluate(shape, c.Numerics, c.MacArray, c.Accelerator!);
        Assert.True(cmp.A4.CyclesByStage["gemm_a4"] <= cmp.Stamp.CyclesByStage["gemm_a4"] + cmp.Stamp.CyclesByStage["gemm_a8"]);
        Assert.True(cmp.Stamp.CyclesByStage["gemm_a4"] + cmp.Stamp.CyclesByStage["gemm_a8"] < cmp.A8.CyclesByStage["gemm_a8"]);
        Assert.Equal(0, cmp.A4.CyclesByStage["sequence_transform"]);
        var fused = Cost(Unit("mac_array.eight_bit_mode=fused"), shape);
        var twoPass = Cost(c, shape);
        // Same hi-token work: two passes on all columns vs one pass on half the columns.
        Assert.Equal(twoPass.CyclesByStage["gemm_a8"], fused.CyclesByStage["gemm_a8"]);
    }

    [Fact]
    public void Gemm_stages_are_named_by_the_token_width_each_variant_really_uses()
    {
        var c = Unit();
        var cmp = CostComparison.Evaluate(new LayerShape(64, 32, 16), c.Numerics, c.MacArray, c.Accelerator!);
        static string[] Gemms(CostResult r) => [.. r.CyclesByStage.Keys.Where(k => k.StartsWith("gemm_a", StringComparison.Ordinal))];
        Assert.Equal(["gemm_a8", "gemm_a4"], Gemms(cmp.Stamp));
        Assert.Equal(["gemm_a8"], Gemms(cmp.A8));   // every token is 8-bit: no "low" half
        Assert.Equal(["gemm_a4"], Gemms(cmp.A4));
        var sixBits = Cost(Unit("numerics.hi_bits=6", "numerics.lo_bits=3"), new LayerShape(64, 32, 16));
        Assert.Equal(["gemm_a6", "gemm_a3"], Gemms(sixBits));
        Assert.Equal(["sequence_transform", "quantizer", "gemm_a8", "gemm_a4", "gemm_fill_drain", "gemm_weight_load", "epilogue", "inverse_transform"],
            CostStages.Compute([cmp.A4, cmp.A8]));
    }

    [Fact]
    public void Wider_weights_than_the_multiplier_take_extra_passes()
    {
        var c = Unit("numerics.weight_bits=8");
        var shape = new LayerShape(64, 32, 16);
        var w4 = Cost(Unit(), shape);
        var w8 = Cost(c, shape, mapping: GivenMapping.From(w4.Mapping!));
        Assert.Equal(2 * w4.CyclesByStage["gemm_a4"], w8.CyclesByStage["gemm_a4"]);
        Assert.Equal(2 * w4.Actions[new(ActionKind.MacInt4)], w8.Actions[new(ActionKind.MacInt4)]);
    }

    [Fact]
    public void Tiny_buffers_are_infeasible_with_a_reason()
    {
        var r = Cost(Unit("buffers.out.capacity=64"), new LayerShape(64, 32, 16));
        Assert.False(r.Feasible);
        Assert.Contains("no tiling fits", r.InfeasibleReason);
        var dwt = Cost(Unit("dwt_unit.buffer=16", "numerics.transform=dct"), new LayerShape(64, 32, 16));
        Assert.False(dwt.Feasible);
        Assert.Contains("dwt_unit.buffer", dwt.InfeasibleReason);
    }

    [Fact]
    public void Activations_spill_to_dram_when_weights_stay_outer()
    {
        var c = Unit();
        var shape = new LayerShape(64, 32, 16);
        var r = Cost(c, shape, mapping: new GivenMapping(LoopOrder.WeightsOuter, 16, 4));
        Assert.True(r.Feasible);
        Assert.Equal(4 * r.DramByTensor["activations"].Write, r.DramByTensor["activations"].Read);
    }
}
