using StampSim.Config;
using StampSim.Hardware;
using StampSim.Numerics;
using StampSim.Tests.Support;

namespace StampSim.Tests.Hardware;

/// <summary>
/// The STaMP cycle model's folds in closed form on a toy array, its single-buffered limit against SCALE-Sim's
/// fold, and the charge for tiles narrower than the array.
/// </summary>
public class StampCycleModelTests
{
    private static StampConfig Unit(params string[] sets) => StampConfig.Load(TestData.Fixture("Hardware", "Fixtures", "unit-accel.yaml"), sets);

    private static GemmTime Gemm(StampConfig c, LayerShape shape, GemmTiles tiles, double weightLoad)
    {
        var numerics = c.Numerics.UniformBaseline(4);
        return StampCycleModel.Instance.Gemm(new Workload(shape, numerics, c.Accelerator!), c.MacArray, tiles, weightLoad);
    }

    [Theory]
    // Port bytes per cycle: 16 B (a 4x4 fold of int4 codes, 8 B, in half a cycle: streaming bound), 2 B (4 cycles: load bound).
    [InlineData(16.0)]
    [InlineData(2.0)]
    public void A_double_buffered_GEMV_costs_folds_times_the_longer_of_stream_and_load_less_the_last_folds_load_plus_one_fill(double port)
    {
        // R = C = 4, K = 32, N = 16, one A4 token: 8 x 4 = 32 folds of one streamed token; each fold's
        // weights are 4 x 4 int4 codes = 8 B. No fold loads behind the last one, and the first streams once its
        // first anti-diagonal is in: the port moves at least 4 codes (one diagonal) per cycle, so after one cycle.
        const int r = 4, c = 4, k = 32, n = 16, folds = k / r * (n / c);
        double load = 8 / port, stream = 1;
        var t = Gemm(Unit(), new LayerShape(1, k, n), new GemmTiles(1, n, k), port);
        double expected = folds * Math.Max(stream, load) - Math.Max(0, load - stream) + 1 + (r + c - 2);
        Assert.Equal(expected, t.Total);
        Assert.Equal(folds * stream, t.Lo);
        Assert.Equal(r + c - 2, t.Skew);
    }

    [Theory]
    // N = 18 on 4 columns: the last fold holds 2 channels, and its wavefront leaves the array 2 columns early.
    [InlineData(true)]
    [InlineData(false)]
    public void The_last_fold_drains_only_the_columns_it_uses(bool doubleBuffered)
    {
        var c = Unit($"mac_array.double_buffered_weights={(doubleBuffered ? "true" : "false")}");
        var full = Gemm(c, new LayerShape(8, 16, 16), new GemmTiles(8, 16, 16), 16);
        var ragged = Gemm(c, new LayerShape(8, 16, 18), new GemmTiles(8, 18, 16), 16);
        int folds = 4 * 4;
        Assert.Equal(doubleBuffered ? 4 + 4 - 2 : folds * (4 + 4 - 2), full.Skew);
        Assert.Equal(full.Skew + (doubleBuffered ? 0 : 4 * (4 + 4 - 2)) - 2, ragged.Skew);
    }

    [Fact]
    public void A_port_slower_than_a_diagonal_per_cycle_holds_the_first_wavefront_back()
    {
        // 4x4 int4 codes at 0.5 B (one code) per cycle: diagonals of 1, 2, 3, 4, 3, 2, 1 codes are all in after
        // 1, 3, 6, 10, 13, 15, 16 cycles; the wavefront reaches diagonal d d cycles after it starts, so it starts
        // after max(1 - 0, 3 - 1, 6 - 2, 10 - 3, 13 - 4, 15 - 5, 16 - 6) = 10 cycles.
        var t = Gemm(Unit(), new LayerShape(64, 4, 4), new GemmTiles(64, 4, 4), 0.5);
        // One fold of 64 streamed tokens: its 16 codes (8 B at 0.5 B/cycle) are the first fold's wait, and nothing loads after it.
        Assert.Equal(10, t.Load);
        Assert.Equal(64 + 10 + 6, t.Total);
    }

    [Fact]
    public void Single_buffered_weights_loading_a_fold_in_R_cycles_is_scalesim_fold_by_fold()
    {
        // A port of R*C*0.5/R bytes per cycle loads a fold of int4 codes in R cycles: load + stream + fill/drain
        // per fold is SCALE-Sim's 2R + C + T - 2 (its count is that, minus one).
        var c = Unit("mac_array.double_buffered_weights=false");
        foreach (var (m, k, n) in new[] { (10, 32, 16), (1, 64, 8), (7, 20, 12) })
        {
            var t = Gemm(c, new LayerShape(m, k, n), new GemmTiles(m, n, k), 4 * 4 * 0.5 / 4);
            Assert.Equal(GemmCycles.ScaleSim(Dataflows.Ws, 4, 4, m, k, n) + 1, t.Total);
        }
    }

    [Fact]
    public void One_output_per_tile_on_a_16_column_array_costs_16x_the_streaming_of_full_tiles()
    {
        var path = Path.Combine(SharedData.RepoRoot(), "hwconfigs", "edge-npu.yaml");
        CostResult Given(int tileOutputs) =>
            CostModel.Evaluate(new LayerShape(256, 512, 256), StampConfig.Load(path).Numerics.UniformBaseline(4), StampConfig.Load(path).MacArray,
                StampConfig.Load(path).Accelerator!, new GivenMapping(LoopOrder.ActivationsOuter, 256, tileOutputs));
        var narrow = Given(1);
        var full = Given(16);
        Assert.True(narrow.Feasible && full.Feasible, narrow.InfeasibleReason ?? full.InfeasibleReason);
        Assert.True(narrow.CyclesByStage["gemm_a4"] >= 8 * full.CyclesByStage["gemm_a4"],
            $"tile_outputs 1: {narrow.CyclesByStage["gemm_a4"]} streaming cycles, tile_outputs 16: {full.CyclesByStage["gemm_a4"]}");
        Assert.True(narrow.GemmUtilization <= full.GemmUtilization / 8, $"utilisation {narrow.GemmUtilization} vs {full.GemmUtilization}");
    }
}
