using StampSim.Tests.Support;
using StampSim.Rtl;
using StampSim.Rtl.Systolic;

namespace StampSim.Tests.Systolic;

/// <summary>The array's fold schedule: the cost model's fold counts, chunks in the contract's order, wide tokens on column pairs of a fused array.</summary>
public class FoldScheduleTests
{
    private static ArrayDesign Design(string config, params string[] sets) => ArrayDesign.From(RtlBench.Config(config, ["mac_array.rows=8", "mac_array.cols=8", .. sets]));

    [Theory]
    [InlineData(33, 100, 20, 33, 20)]     // 13 chunks x 3 channel folds
    [InlineData(64, 64, 64, 16, 32)]      // token and output tiles
    [InlineData(1, 64, 32, 1, 8)]
    public void Two_pass_tokens_share_folds_and_every_chunk_of_every_channel_fold_runs_once_per_token_tile(int m, int k, int n, int tm, int tn)
    {
        var folds = FoldSchedule.Build(Design("edge-npu"), Enumerable.Repeat(true, m).ToArray(), k, n, k, tm, tn);
        int chunks = (k + 7) / 8, tokenTiles = (m + tm - 1) / tm;
        int channelFolds = n / tn * ((tn + 7) / 8) + (n % tn > 0 ? (n % tn + 7) / 8 : 0);
        Assert.Equal(tokenTiles * chunks * channelFolds, folds.Length);
        // Each (token, channel) sees its chunks in order, the first one restarting the accumulator.
        foreach (var g in folds.GroupBy(f => (f.Token0, f.N0)))
        {
            Assert.Equal(Enumerable.Range(0, chunks).Select(i => i * 8), g.Select(f => f.K0));
            Assert.Equal([true, .. Enumerable.Repeat(false, chunks - 1)], g.Select(f => f.First));
        }
        Assert.All(folds, f => Assert.True(f.Channels <= 8 && f.KLength <= 8 && !f.Fused));
        Assert.Equal(m * n * chunks, folds.Sum(f => (long)f.Tokens * f.Channels));
    }

    [Fact]
    public void A_fused_array_runs_a_tiles_wide_tokens_on_column_pairs_before_its_narrow_ones()
    {
        var wide = Enumerable.Range(0, 20).Select(t => t < 5).ToArray();
        var folds = FoldSchedule.Build(Design("bitfusion"), wide, 16, 12, 16, 20, 12);
        // 5 wide tokens: 12 channels on 4 pairs = 3 channel folds x 2 chunks; then 15 narrow: 2 x 2.
        Assert.Equal(6 + 4, folds.Length);
        Assert.All(folds.Take(6), f => Assert.True(f.Fused && f.Token0 == 0 && f.Tokens == 5 && f.Channels <= 4 && f.Columns == 2 * f.Channels));
        Assert.All(folds.Skip(6), f => Assert.True(!f.Fused && f.Token0 == 5 && f.Tokens == 15 && f.Columns == f.Channels));
    }

    [Fact]
    public void Chunks_restart_at_every_activation_group()
    {
        var folds = FoldSchedule.Build(Design("edge-npu"), [false], 24, 8, 12, 1, 8);
        // Groups of 12 on 8 rows: chunks 8 + 4 per group.
        Assert.Equal([(0, 8, 0, true), (8, 4, 0, false), (12, 8, 1, true), (20, 4, 1, false)], folds.Select(f => (f.K0, f.KLength, f.Group, f.First)));
    }

    [Fact]
    public void A_fold_packs_into_the_documented_128_bit_word()
    {
        var f = new Fold(1, 2, 3, 4, 5, 6, 7, true, true);
        Assert.Equal(((UInt128)3 << 112) | ((UInt128)7 << 96) | ((UInt128)6 << 80) | ((UInt128)5 << 64) | ((UInt128)4 << 48) | ((UInt128)3 << 32) | ((UInt128)2 << 16) | 1, f.Word());
    }
}
