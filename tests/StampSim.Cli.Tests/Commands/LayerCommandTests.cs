using System.Text.Json;
using StampSim.Config;
using StampSim.Pipeline;
using StampSim.Tensors;
using StampSim.Tests.Support;
using StampSim.Traces.Npy;

namespace StampSim.Tests.Commands;

public class LayerCommandTests
{
    private static (string X, string W, string B) WriteLayer(TempDir dir, int s = 40, int d = 32, int n = 24) =>
        Harness.WriteRandomLayer(dir, 5, s, d, n);

    [Fact]
    public void Writes_the_engine_output_and_metrics()
    {
        using var dir = new TempDir();
        var (x, w, b) = WriteLayer(dir);
        var r = Harness.Run("layer", "--x", x, "--weight", w, "--bias", b, "--out", dir.File("y.npy"), "--metrics", dir.File("m.json"), "--set", "numerics.hi_tokens=8");
        Assert.Equal(0, r.Code);
        Assert.Equal("", r.Err);
        Assert.Contains("sqnr", r.Out);

        var y = NpyFile.ReadFloat32(dir.File("y.npy"));
        Assert.Equal(new long[] { 40, 24 }, y.Shape);
        var cfg = StampConfig.Load(null, ["numerics.hi_tokens=8"]);
        var expected = new StampLayer(cfg.Golden).Run(new LayerInputs(
            NpyFile.ReadMatrix(x, "X").Matrix, NpyFile.ReadMatrix(w, "W").Matrix, NpyFile.ReadVector(b, "bias").Vector));
        TestData.AssertBitsEqual(expected.Y.Data, y.Data, "Y");

        using var m = JsonDocument.Parse(File.ReadAllText(dir.File("m.json")));
        foreach (var key in new[] { "sqnr_db", "act_sqnr_db", "payload_bits", "bits_with_metadata", "overflow_events", "theorem1_bound", "act_error_sq", "config" })
            Assert.True(m.RootElement.TryGetProperty(key, out _), key);
        Assert.Equal(8, m.RootElement.GetProperty("config").GetProperty("numerics").GetProperty("hi_tokens").GetInt32());
        Assert.Empty(Directory.GetFiles(dir.Root, "*.tmp"));
    }

    [Fact]
    public void Exact_layer_writes_inf_as_a_string()
    {
        using var dir = new TempDir();
        int s = 4, d = 8, n = 2;
        var xs = new float[s * d];
        for (int i = 0; i < s; i++) for (int j = 0; j < d; j++) xs[i * d + j] = j == 0 ? 0 : j == 1 ? 15 : (i + j) % 16;
        var ws = new float[n * d];
        for (int k = 0; k < ws.Length; k++) ws[k] = k % d == 0 ? 7 : (k % 15) - 7;
        NpyFile.Write<float>(dir.File("x.npy"), xs, s, d);
        NpyFile.Write<float>(dir.File("w.npy"), ws, n, d);
        var r = Harness.Run("layer", "--x", dir.File("x.npy"), "--weight", dir.File("w.npy"), "--out", dir.File("y.npy"), "--metrics", dir.File("m.json"),
            "--set", "numerics.transform=none", "--set", "numerics.hi_tokens=0");
        Assert.Equal(0, r.Code);
        using var m = JsonDocument.Parse(File.ReadAllText(dir.File("m.json")));
        Assert.Equal("inf", m.RootElement.GetProperty("sqnr_db").GetString());
    }

    [Fact]
    public void Float64_and_float16_inputs_are_accepted()
    {
        using var dir = new TempDir();
        NpyFile.Write<double>(dir.File("x.npy"), Enumerable.Range(0, 64).Select(i => Math.Sin(i) / 3).ToArray(), 8, 8);
        NpyFile.Write<Half>(dir.File("w.npy"), Enumerable.Range(0, 32).Select(i => (Half)(i % 5 - 2)).ToArray(), 4, 8);
        var r = Harness.Run("layer", "--x", dir.File("x.npy"), "--weight", dir.File("w.npy"), "--out", dir.File("y.npy"), "--set", "numerics.hi_tokens=2");
        Assert.Equal(0, r.Code);
        Assert.Contains("float64 values were rounded", r.Err.Replace("Float64", "float64"));
    }

    public static TheoryData<string, string[], string> BadInputs() => new()
    {
        { "missing file", ["--x", "{dir}/nope.npy", "--weight", "{w}", "--out", "{dir}/y.npy"], "nope.npy: file not found" },
        { "garbage npy", ["--x", "{garbage}", "--weight", "{w}", "--out", "{dir}/y.npy"], "missing \\x93NUMPY magic" },
        { "shape mismatch", ["--x", "{x}", "--weight", "{w2}", "--out", "{dir}/y.npy"], "does not match activations (40, 32)" },
        { "nan", ["--x", "{nan}", "--weight", "{w}", "--out", "{dir}/y.npy"], "NaN at index [1, 2]" },
        { "bad config", ["--x", "{x}", "--weight", "{w}", "--config", "{badcfg}", "--out", "{dir}/y.npy"], "bad.yaml:2:12: numerics.lo_bits: 1 is out of range (between 2 and 8)" },
        { "unknown set key", ["--x", "{x}", "--weight", "{w}", "--set", "numerics.lo_bitz=3", "--out", "{dir}/y.npy"], "did you mean 'numerics.lo_bits'?" },
        { "missing option", ["--x", "{x}", "--out", "{dir}/y.npy"], "--weight" },
        { "missing out dir", ["--x", "{x}", "--weight", "{w}", "--out", "{dir}/no/such/y.npy"], "does not exist" },
        { "missing metrics dir", ["--x", "{x}", "--weight", "{w}", "--out", "{dir}/y.npy", "--metrics", "{dir}/no/m.json"], "does not exist" },
        { "bad kernel", ["--x", "{x}", "--weight", "{w}", "--out", "{dir}/y.npy", "--kernel", "avx9000"], "--kernel: unknown kernel 'avx9000'" },
        { "bias shape", ["--x", "{x}", "--weight", "{w}", "--bias", "{x}", "--out", "{dir}/y.npy"], "bias must be a 1-D array" },
        // X and W are read while the config is parsed; the errors still come in the order the options are checked.
        { "bad config before a missing x", ["--x", "{dir}/nope.npy", "--weight", "{w}", "--config", "{badcfg}", "--out", "{dir}/y.npy"], "bad.yaml:2:12: numerics.lo_bits" },
        { "out over a garbage x", ["--x", "{garbage}", "--weight", "{w}", "--out", "{garbage}"], "is also an input of this command" },
        { "wht length", ["--x", "{x}", "--weight", "{w}", "--set", "numerics.transform=wht", "--out", "{dir}/y.npy"], "wht needs a power-of-two number of tokens, got s = 40" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_2_with_one_line_and_writes_nothing(string what, string[] args, string expected)
    {
        using var dir = new TempDir();
        var (x, w, _) = WriteLayer(dir);
        File.WriteAllText(dir.File("garbage.npy"), "this is not numpy");
        NpyFile.Write<float>(dir.File("w2.npy"), new float[24 * 33], 24, 33);
        var nan = new float[40 * 32];
        nan[1 * 32 + 2] = float.NaN;
        NpyFile.Write<float>(dir.File("nan.npy"), nan, 40, 32);
        Directory.CreateDirectory(dir.File("cfg"));
        File.WriteAllText(dir.File("cfg/bad.yaml"), "numerics:\n  lo_bits: 1\n");
        var resolved = args.Select(a => a.Replace("{dir}", dir.Root).Replace("{x}", x).Replace("{w}", w).Replace("{w2}", dir.File("w2.npy"))
            .Replace("{garbage}", dir.File("garbage.npy")).Replace("{nan}", dir.File("nan.npy")).Replace("{badcfg}", dir.File("cfg/bad.yaml"))).ToArray();

        var r = Harness.Run(["layer", .. resolved]);
        Assert.True(r.Code == 2, $"{what}: exit {r.Code}, stderr {r.Err}");
        Assert.Contains(expected, r.Err);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(dir.File("y.npy")), "no output on failure");
        Assert.Empty(Directory.GetFiles(dir.Root, "*.tmp", SearchOption.AllDirectories));
    }
}
