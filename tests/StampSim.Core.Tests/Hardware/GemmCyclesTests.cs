using StampSim.Hardware;
using StampSim.Numerics;

namespace StampSim.Tests.Hardware;

/// <summary>
/// SCALE-Sim v2 compute cycles derived by hand from its compute modules (folds x per-fold length,
/// reported as rows - 1), including the shapes of SCALE-Sim's own golden reports.
/// </summary>
public class GemmCyclesTests
{
    [Theory]
    // R, C, M, N, K, dataflow, expected "Total Cycles"
    [InlineData(4, 4, 8, 8, 8, "os", 55)]      // 4 folds x (4+4+8-2)  - 1
    [InlineData(4, 4, 8, 8, 8, "ws", 71)]      // 4 folds x (8+4+8-2)  - 1
    [InlineData(4, 4, 8, 8, 8, "is", 71)]
    [InlineData(8, 4, 10, 6, 20, "os", 119)]   // ceil(10/8) ceil(6/4) = 4 folds x 30 - 1
    [InlineData(8, 4, 10, 6, 20, "ws", 167)]   // ceil(20/8) ceil(6/4) = 6 folds x 28 - 1
    [InlineData(8, 4, 10, 6, 20, "is", 215)]   // ceil(20/8) ceil(10/4) = 9 folds x 24 - 1
    [InlineData(16, 16, 64, 32, 100, "os", 1039)]
    [InlineData(16, 16, 64, 32, 100, "ws", 1539)]
    [InlineData(16, 16, 64, 32, 100, "is", 2183)]
    [InlineData(32, 32, 256, 128, 256, "os", 10175)]   // golden_trace_user_os: 52447 total - 42272 stall
    [InlineData(32, 32, 256, 128, 256, "ws", 11199)]   // golden_trace_user_ws: 52447 - 41248
    [InlineData(32, 32, 256, 128, 256, "is", 14207)]   // golden_trace_user_is: 19984 - 5777
    [InlineData(32, 32, 3025, 96, 363, "ws", 112283)]  // golden_trace (alexnet conv1, CALC mode, 0 stalls)
    [InlineData(2, 2, 2, 2, 2, "os", 3)]               // SCALE-Sim issue #60: "Scalesim gives 3 cycles"
    public void Matches_scalesim_v2(int r, int c, int m, int n, int k, string dataflow, long expected)
    {
        var df = Dataflows.Named(dataflow);
        Assert.Equal(expected, GemmCycles.ScaleSim(df, r, c, m, k, n));
    }
}
