using StampSim.Tensors;
using StampSim.Traces;
using StampSim.Transforms;

namespace StampSim.Tests.Traces;

public class LargeStatisticsTests
{
    [Fact]
    public void Statistics_of_a_matrix_past_2_to_the_24_elements_find_the_true_maximum()
    {
        // The down-projection input shape of an 8B model: 2048 x 14336 = 29,360,128 elements > 2^24.
        const int s = 2048, d = 14336;
        var data = new float[s * d];
        var rng = new Random(5);
        for (int i = 0; i < data.Length; i++) data[i] = (float)(rng.NextDouble() * 0.06 - 0.03);
        data[2000 * d + 14000] = -5.72f;
        data[3] = 0.034f;
        var stats = ActivationStatistics.Compute(new Matrix<float>(s, d, data), new IdentityTransform(s), hiTokens: 64, outlierFactor: 8);
        Assert.Equal((5.72f, 2000, 14000), ((float)stats.MaxAbs, stats.MaxAbsToken, stats.MaxAbsChannel));
        Assert.Equal([14000], stats.OutlierChannels);
        Assert.InRange(stats.Compaction.HiShareBefore, 0.02, 0.04);
    }
}
