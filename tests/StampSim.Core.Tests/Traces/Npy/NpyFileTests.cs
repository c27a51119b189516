using StampSim.Numerics;
using StampSim.Tests.Support;
using StampSim.Traces.Npy;

namespace StampSim.Tests.Traces.Npy;

/// <summary>A .npy file read with several positional readers gives what one reader gives, and a cut file is the same input error.</summary>
public class NpyFileTests
{
    [Fact]
    public void Parallel_reads_of_a_file_match_one_reader()
    {
        using var dir = new TempDir();
        string path = dir.File("x.npy");
        var data = new float[214_287 * 7];   // six MB: two chunks and a part
        for (int i = 0; i < data.Length; i++) data[i] = MathF.Cos(i * 0.01f) * i;
        NpyFile.Write<float>(path, data, 214_287, 7);

        var one = NpyFile.ReadMatrix(path, "X", threads: 1).Matrix;
        var two = NpyFile.ReadMatrix(path, "X", threads: 2).Matrix;
        var all = NpyFile.ReadMatrix(path, "X", ExecutionOptions.Default.Threads).Matrix;
        Assert.Equal((214_287, 7), (two.Rows, two.Cols));
        Assert.Equal(data, one.Data);
        Assert.Equal(data, two.Data);
        Assert.Equal(data, all.Data);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_file_cut_short_is_an_input_error_naming_it(int threads)
    {
        using var dir = new TempDir();
        string path = dir.File("x.npy");
        NpyFile.Write<float>(path, new float[3_000_000], 1000, 3000);
        using (var f = new FileStream(path, FileMode.Open)) f.SetLength(f.Length - 5_000_000);

        var e = Assert.Throws<InputException>(() => NpyFile.ReadFloat32(path, threads));
        Assert.StartsWith($"{path}: ", e.Message);
        Assert.Contains("(1000, 3000)", e.Message);
    }
}
