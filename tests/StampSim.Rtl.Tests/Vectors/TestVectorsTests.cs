using StampSim.Pipeline;
using StampSim.Rtl.Vectors;
using StampSim.Tests.Support;

namespace StampSim.Tests.Vectors;

public class TestVectorsTests
{
    [Theory]
    [InlineData("edge-npu", "saturate", 0)]
    [InlineData("edge-npu", "wrap", 0)]
    [InlineData("bitfusion", "wrap", 8)]
    [InlineData("int8-baseline", "saturate", 24)]
    public void Final_accumulators_and_events_equal_the_golden_engine(string name, string overflow, int group)
    {
        var config = RtlBench.Config(name, "mac_array.rows=5", "numerics.hi_tokens=3", "numerics.accumulator.tree_bits=10",
            "numerics.accumulator.acc_bits=12", $"numerics.accumulator.overflow={overflow}", $"numerics.act_group={group}");
        var inputs = RandomLayer.Create(8, 48, 6, seed: 3);
        var engine = new StampLayer(config.Golden, RtlBench.Serial).Run(inputs, keepIntermediates: true);
        var v = TestVectors.Generate(config, inputs, null, RtlBench.Serial);

        Assert.Equal(engine.Intermediates!.Accumulators, v.Accumulators);
        Assert.Equal(engine.Gemm.Events, v.Events);
        Assert.True(v.Events.Total > 0, "the widths were chosen to overflow");
        // The last record of every group carries that group's final accumulator.
        foreach (var r in v.Records.Where(r => r.Last))
            Assert.Equal(v.Accumulators[((long)r.Token * v.Groups + r.Group) * v.Outputs + r.Channel], r.Accumulator);
        Assert.Equal(v.Events.Tree, v.Records.LongCount(r => r.TreeEvent));
        Assert.Equal(v.Events.Accumulator, v.Records.LongCount(r => r.AccEvent));
    }

    [Fact]
    public void Chunks_of_rows_restart_at_every_group_and_accumulate_exactly_without_overflow()
    {
        var config = RtlBench.Config("edge-npu", "mac_array.rows=5", "numerics.act_group=12", "numerics.hi_tokens=2");
        var v = RtlBench.Random(config, tokens: 4, features: 24, outputs: 3);
        // Groups of 12 in chunks of 5: 5, 5, 2 per group, two groups.
        var perPair = v.Records.Where(r => r.Token == 1 && r.Channel == 2).ToArray();
        Assert.Equal([5, 5, 2, 5, 5, 2], perPair.Select(r => r.Length));
        Assert.Equal([0, 5, 10, 12, 17, 22], perPair.Select(r => r.Start));
        Assert.Equal([true, false, false, true, false, false], perPair.Select(r => r.First));
        Assert.Equal([false, false, true, false, false, true], perPair.Select(r => r.Last));
        Assert.Equal(Enumerable.Range(0, 6), perPair.Select(r => r.Chunk));
        foreach (var r in v.Records)
        {
            long exact = 0;
            for (int j = r.Start; j < r.Start + r.Length; j++)
                exact += (long)v.ActCodes[r.Token * v.Features + j] * v.WeightCodes[r.Channel * v.Features + j];
            Assert.Equal(exact, r.ChunkSum);
        }
        // Tokens 0 and 1 are 8-bit (hi_tokens 2): wide on the int4 array; the rest are not.
        Assert.All(v.Records, r => Assert.Equal(r.Token < 2, r.Wide));
        Assert.Equal(0, v.Events.Total);
    }

    [Fact]
    public void A_token_subset_is_spread_over_the_layer_and_still_checked_against_the_engine()
    {
        var config = RtlBench.Config("edge-npu", "numerics.hi_tokens=4");
        var v = TestVectors.Generate(config, RandomLayer.Create(16, 40, 3, seed: 5), 4, RtlBench.Serial);
        Assert.Equal([0, 4, 8, 12], v.Tokens);
        Assert.Equal([8, 4, 4, 4], v.TokenBits);
        Assert.Equal(4 * 3 * 3, v.Records.Length);
        var e = Assert.Throws<InputException>(() => TestVectors.Generate(config, RandomLayer.Create(16, 40, 3, seed: 5), 17, RtlBench.Serial));
        Assert.StartsWith("--tokens:", e.Message);
    }

    [Fact]
    public void Symmetric_codes_reach_the_array_signed()
    {
        var config = RtlBench.Config("int8-baseline", "numerics.act_quant=symmetric");
        var v = RtlBench.Random(config, tokens: 3, features: 20, outputs: 2);
        Assert.Contains(v.ActCodes, c => c < 0);
        Assert.All(v.ActCodes, c => Assert.InRange(c, (short)-127, (short)127));
    }
}
