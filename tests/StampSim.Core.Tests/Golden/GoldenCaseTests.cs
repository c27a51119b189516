using System.Text.Json;
using StampSim.Config;
using StampSim.Pipeline;
using StampSim.Tensors;
using StampSim.Tests.Support;
using StampSim.Traces.Npy;

namespace StampSim.Tests.Golden;

/// <summary>
/// Replays the fixtures written by golden_reference.py — an independent NumPy implementation of
/// the numerics contract — and compares every stage bit for bit, for every GEMM kernel, several
/// thread counts, and both the fast and the ordered GEMM paths.
/// </summary>
public class GoldenCaseTests
{
    private static IEnumerable<string> CaseNames() =>
        Directory.GetFiles(TestData.Fixture("Golden", "cases"), "*.json").Order().Select(f => Path.GetFileNameWithoutExtension(f)!);

    public static TheoryData<string> Cases() => new(CaseNames());

    public static TheoryData<string, string, int, bool> Variants()
    {
        var data = new TheoryData<string, string, int, bool>();
        foreach (var c in CaseNames())
            foreach (var k in StampSim.Gemm.MicroKernels.Supported())
                foreach (int threads in new[] { 1, 3 })
                    foreach (bool ordered in new[] { false, true })
                        data.Add(c, ConfigNames.Of(k), threads, ordered);
        return data;
    }

    [Fact]
    public void There_are_golden_cases() => Assert.True(CaseNames().Count() >= 10);

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_stage_matches_the_numpy_reference(string name, string kernel, int threads, bool forceOrdered)
    {
        var (cfg, meta, npz) = Load(name);
        using (npz)
        {
            ConfigNames.TryParse<GemmKernel>(kernel, out var k);
            var options = new ExecutionOptions(threads, k, forceOrdered);
            var x = Matrix(npz.ReadFloat32("x"));
            var w = Matrix(npz.ReadFloat32("w"));
            float[]? b = npz.Contains("b") ? npz.ReadFloat32("b").Data : null;
            var result = new StampLayer(cfg.Numerics, cfg.MacArray, options).Run(new LayerInputs(x, w, b), keepIntermediates: true);
            bool isDct = cfg.Numerics.Transform == SequenceTransformKind.Dct;

            Assert.Equal(meta.GetProperty("levels").GetInt32(), result.Transform.Levels);
            CompareFloats(npz.ReadFloat32("lx").Data, result.TransformedX, "transformed activations", isDct);
            if (isDct)
                return; // codes downstream of a 1-ulp DCT difference may legitimately differ
            AssertLongs(npz.ReadInt64("codes").Data, Enumerable.Range(0, x.Rows * x.Cols).Select(i => (long)result.Activations.Code(i / x.Cols, i % x.Cols)).ToArray(), "activation codes");
            TestData.AssertBitsEqual(npz.ReadFloat32("delta").Data, result.Activations.Scale, "delta");
            TestData.AssertBitsEqual(npz.ReadFloat32("mn").Data, result.Activations.Offset, "mn");
            AssertLongs(npz.ReadInt64("qw").Data, result.Weights.Codes.Select(v => (long)v).ToArray(), "weight codes");
            TestData.AssertBitsEqual(npz.ReadFloat32("sw").Data, result.Weights.Scale, "sw");
            AssertLongs(npz.ReadInt64("acc").Data, result.Intermediates!.Accumulators, "accumulators");
            TestData.AssertBitsEqual(npz.ReadFloat32("yt").Data, result.Intermediates.Yt, "epilogue output");
            TestData.AssertBitsEqual(npz.ReadFloat32("y").Data, result.Y.Data, "Y");
            long treeEvents = meta.GetProperty("tree_events").GetInt64(), accEvents = meta.GetProperty("acc_events").GetInt64();
            Assert.Equal(treeEvents, result.Gemm.Events.Tree);
            Assert.Equal(accEvents, result.Gemm.Events.Accumulator);
            if (treeEvents + accEvents > 0)
                Assert.False(result.Gemm.FastPath);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dct_output_is_within_one_ulp_and_everything_else_exact(string name)
    {
        var (cfg, _, npz) = Load(name);
        using (npz)
        {
            if (cfg.Numerics.Transform != SequenceTransformKind.Dct) return;
            var x = Matrix(npz.ReadFloat32("x"));
            var w = Matrix(npz.ReadFloat32("w"));
            var result = new StampLayer(cfg.Numerics, cfg.MacArray).Run(new LayerInputs(x, w, npz.ReadFloat32("b").Data));
            Assert.True(TestData.MaxUlp(npz.ReadFloat32("y").Data, result.Y.Data) <= 64, "DCT layer output strays from the float64 reference path");
        }
    }

    internal static (StampConfig Config, JsonElement Meta, NpzFile Npz) Load(string name)
    {
        string json = File.ReadAllText(TestData.Fixture("Golden", "cases", name + ".json"));
        var meta = JsonDocument.Parse(json).RootElement;
        // The case file is JSON, which is YAML: only numerics and mac_array are read as config.
        var configText = JsonSerializer.Serialize(new Dictionary<string, JsonElement>
        {
            ["numerics"] = meta.GetProperty("numerics"),
            ["mac_array"] = meta.GetProperty("mac_array"),
        });
        var cfg = StampConfig.Parse(configText, name + ".json");
        return (cfg, meta, NpzFile.Open(TestData.Fixture("Golden", "cases", name + ".npz")));
    }

    private static Matrix<float> Matrix(NpyTensor t) => new((int)t.Shape[0], (int)t.Shape[1], t.Data);

    private static void CompareFloats(float[] expected, float[] actual, string what, bool allowOneUlp)
    {
        if (allowOneUlp)
            Assert.True(TestData.MaxUlp(expected, actual) <= 1, $"{what}: more than 1 ulp from the reference");
        else
            TestData.AssertBitsEqual(expected, actual, what);
    }

    private static void AssertLongs(long[] expected, long[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            if (expected[i] != actual[i])
                Assert.Fail($"{what}: first mismatch at flat index {i}: expected {expected[i]}, got {actual[i]}");
    }
}
