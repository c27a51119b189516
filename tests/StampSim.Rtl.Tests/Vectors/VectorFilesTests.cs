using System.Text.Json;
using StampSim.Rtl.Vectors;
using StampSim.Tests.Support;
using StampSim.Traces.Npy;

namespace StampSim.Tests.Vectors;

public class VectorFilesTests
{
    [Fact]
    public void Npy_and_readmemh_files_hold_the_vectors()
    {
        var config = RtlBench.Config("edge-npu", "mac_array.rows=3", "numerics.hi_tokens=1", "numerics.act_group=4",
            "numerics.accumulator.tree_bits=6", "numerics.accumulator.overflow=wrap");
        var v = RtlBench.Random(config, tokens: 2, features: 8, outputs: 3);
        using var dir = new TempDir();
        VectorFiles.Write(v, dir.Root);

        var (actShape, act) = NpyFile.ReadInt64(dir.File("act_codes.npy"));
        Assert.Equal([2L, 8], actShape);
        Assert.Equal(v.ActCodes.Select(c => (long)c), act);
        Assert.Equal([3L, 8], NpyFile.ReadInt64(dir.File("weight_codes.npy")).Shape);
        var (accShape, acc) = NpyFile.ReadInt64(dir.File("acc.npy"));
        Assert.Equal([2L, 2, 3], accShape);
        Assert.Equal(v.Accumulators, acc);
        Assert.Equal([v.Events.Tree, v.Events.Accumulator], NpyFile.ReadInt64(dir.File("events.npy")).Data);
        Assert.True(v.Events.Tree > 0);

        // Groups of 4 in chunks of 3: 3 + 1 per group, 4 chunks per (token, channel).
        int records = 2 * 3 * 4;
        Assert.Equal(records, v.Records.Length);
        string[] Lines(string name) => File.ReadAllLines(dir.File(name));
        Assert.Equal(records * 3, Lines("act.hex").Length);
        Assert.Equal(records * 3, Lines("wgt.hex").Length);
        Assert.Equal(records * 3, Lines("idx.hex").Length);
        Assert.Equal(records, Lines("ctrl.hex").Length);
        // The second chunk of a group is one feature long: its other two rows are zero.
        var second = v.Records[1];
        Assert.Equal(1, second.Length);
        Assert.Equal(["0000", "0000"], Lines("act.hex").Skip(3 + 1).Take(2));
        Assert.Equal(v.Records.Select(r => r.ChunkSum.ToString("x16")), Lines("chunk.hex"));
        Assert.Equal(v.Records.Select(r => r.Accumulator.ToString("x16")), Lines("acc.hex"));
        int ctrl0 = Convert.ToInt32(Lines("ctrl.hex")[0], 16);
        Assert.Equal(1 | 2, ctrl0 & 7);   // first chunk, wide (8-bit token 0), not last

        using var manifest = JsonDocument.Parse(File.ReadAllText(dir.File(VectorFiles.Manifest)));
        Assert.Equal(records, manifest.RootElement.GetProperty("records").GetInt32());
        Assert.Equal(3, manifest.RootElement.GetProperty("design").GetProperty("ROWS").GetInt32());
    }
}
