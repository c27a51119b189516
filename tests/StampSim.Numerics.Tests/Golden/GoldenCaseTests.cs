using System.Text.Json;
using StampSim.Evaluation;
using StampSim.Numerics;
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
    public static TheoryData<string, string, int, bool> Variants()
    {
        var data = new TheoryData<string, string, int, bool>();
        foreach (var c in GoldenCase.Names())
            foreach (var k in StampSim.Gemm.MicroKernels.Supported(WeightBits(c)))
                foreach (int threads in new[] { 1, 3 })
                    foreach (bool ordered in new[] { false, true })
                        data.Add(c, ConfigNames.Of(k), threads, ordered);
        return data;
    }

    private static int WeightBits(string name)
    {
        using var golden = GoldenCase.Load(name);
        return golden.Config.Numerics.WeightBits;
    }

    [Fact]
    public void There_are_golden_cases() => Assert.True(GoldenCase.Names().Count() >= 10);

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_stage_matches_the_numpy_reference(string name, string kernel, int threads, bool forceOrdered)
    {
        using var golden = GoldenCase.Load(name);
        var (cfg, meta, npz) = (golden.Config, golden.Meta, golden.Npz);
        ConfigNames.TryParse<GemmKernel>(kernel, out var k);
        var options = new ExecutionOptions(threads, k, forceOrdered);
        var inputs = golden.Inputs();
        var x = inputs.X;
        var result = new StampLayer(cfg.Golden, options).Run(inputs, keepIntermediates: true);
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
        long treeEvents = golden.TreeEvents, accEvents = golden.AccEvents;
        Assert.Equal(treeEvents, result.Gemm.Events.Tree);
        Assert.Equal(accEvents, result.Gemm.Events.Accumulator);
        if (treeEvents + accEvents > 0)
            Assert.False(result.Gemm.FastPath);
    }

    /// <summary>The cases with a DCT sequence transform (at least one: an empty list fails the theory).</summary>
    public static TheoryData<string> DctCases() => new(GoldenCase.Names().Where(IsDct));

    private static bool IsDct(string name)
    {
        using var golden = GoldenCase.Load(name);
        return golden.Config.Numerics.Transform == SequenceTransformKind.Dct;
    }

    [Theory]
    [MemberData(nameof(DctCases))]
    public void Dct_layer_output_stays_within_64_ulp_of_the_reference(string name)
    {
        // The stage-by-stage test stops at the 1-ulp transformed activations for DCT; this bounds the output.
        using var golden = GoldenCase.Load(name);
        var (cfg, npz) = (golden.Config, golden.Npz);
        var result = new StampLayer(cfg.Golden).Run(golden.Inputs());
        Assert.True(TestData.MaxUlp(npz.ReadFloat32("y").Data, result.Y.Data) <= 64, "DCT layer output strays from the float64 reference path");
    }

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
