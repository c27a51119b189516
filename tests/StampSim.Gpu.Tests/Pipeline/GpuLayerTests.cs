using StampSim.Config;
using StampSim.Gpu.Crosscheck;
using StampSim.Gpu.Pipeline;
using StampSim.Gpu.Runtime;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Tensors;
using StampSim.Tests.Support;

namespace StampSim.Tests.Pipeline;

/// <summary>
/// The whole layer on every accelerator (<see cref="Accelerators"/>) against the golden engine, every
/// intermediate bit for bit, on shapes that are not multiples of the GEMM tile (32), its step (16 words) or 4.
/// </summary>
[Collection(AcceleratorCollection.Name)]
public class GpuLayerTests(AcceleratorFixture fixture)
{
    public static TheoryData<string, int, int, int, string[]> Layers() => new()
    {
        { "haar defaults, odd sizes", 37, 45, 29, ["numerics.hi_tokens=8"] },
        { "haar auto levels, more tiles and steps", 70, 100, 66, ["numerics.hi_tokens=5"] },
        { "haar 3 levels, groups, hi_tokens > s", 13, 40, 9, ["numerics.levels=3", "numerics.act_group=8", "numerics.hi_tokens=20"] },
        { "haar2d with a prefix token", 97, 24, 17, ["numerics.transform=haar2d", "numerics.grid=8x12", "numerics.levels=2", "numerics.prefix_tokens=1", "numerics.hi_tokens=7"] },
        { "wht, hadamard, symmetric groups", 32, 64, 20, ["numerics.transform=wht", "numerics.feature_transform=hadamard", "numerics.act_quant=symmetric", "numerics.act_group=16", "numerics.hi_tokens=4"] },
        { "dct", 19, 12, 7, ["numerics.transform=dct", "numerics.hi_tokens=3"] },
        { "no transform, 2/3-bit activations, 8-bit weights", 11, 33, 35, ["numerics.transform=none", "numerics.hi_tokens=2", "numerics.hi_bits=3", "numerics.lo_bits=2", "numerics.weight_bits=8"] },
        { "8-bit everything, 2-bit weights, rows 64", 9, 200, 10, ["numerics.hi_bits=8", "numerics.lo_bits=8", "numerics.weight_bits=2", "mac_array.rows=64", "numerics.hi_tokens=1"] },
        { "haar odd length, symmetric per token", 41, 31, 5, ["numerics.levels=4", "numerics.act_quant=symmetric", "numerics.hi_tokens=3"] },
        { "every token a prefix token", 5, 12, 7, ["numerics.prefix_tokens=5", "numerics.hi_tokens=2"] },
    };

    public static TheoryData<string, int, int, int, string[]> Overflowing() => new()
    {
        { "saturate, rows 5, groups of 20", 23, 60, 19, ["mac_array.rows=5", "numerics.act_group=20", "numerics.accumulator.tree_bits=11", "numerics.accumulator.acc_bits=12", "numerics.hi_tokens=6", "numerics.weight_bits=8"] },
        { "wrap, rows 7", 23, 50, 21, ["mac_array.rows=7", "numerics.accumulator.tree_bits=9", "numerics.accumulator.acc_bits=10", "numerics.accumulator.overflow=wrap", "numerics.hi_tokens=6", "numerics.weight_bits=8"] },
        { "wrap, symmetric, hadamard", 16, 32, 12, ["mac_array.rows=3", "numerics.accumulator.tree_bits=9", "numerics.accumulator.acc_bits=10", "numerics.accumulator.overflow=wrap", "numerics.act_quant=symmetric", "numerics.feature_transform=hadamard", "numerics.hi_tokens=4", "numerics.weight_bits=6"] },
    };

    public static TheoryData<AcceleratorKind, string, int, int, int, string[]> LayersOnEach() => Accelerators.Cross(Layers());

    public static TheoryData<AcceleratorKind, string, int, int, int, string[]> OverflowingOnEach() => Accelerators.Cross(Overflowing());

    [SkippableTheory]
    [MemberData(nameof(LayersOnEach))]
    public void Every_stage_is_bit_identical_to_the_golden_engine(AcceleratorKind accelerator, string name, int s, int d, int n, string[] sets)
    {
        var device = fixture.Open(accelerator);
        var inputs = RandomLayer(s, d, n);
        foreach (bool ordered in new[] { false, true })
            AssertIdentical(device, name, inputs, sets, ordered);
    }

    [SkippableTheory]
    [MemberData(nameof(OverflowingOnEach))]
    public void Narrow_accumulators_saturate_and_wrap_exactly_like_the_golden_engine(AcceleratorKind accelerator, string name, int s, int d, int n, string[] sets)
    {
        var device = fixture.Open(accelerator);
        var inputs = RandomLayer(s, d, n);
        var golden = AssertIdentical(device, name, inputs, sets, ordered: false);
        Assert.True(golden.Gemm.Events.Tree > 0 && golden.Gemm.Events.Accumulator > 0, $"{name}: the case should overflow both ranges, got {golden.Gemm.Events}");
    }

    [SkippableTheory]
    [MemberData(nameof(Accelerators.Each), MemberType = typeof(Accelerators))]
    public void Constant_and_zero_rows_and_signed_zeros_match(AcceleratorKind accelerator)
    {
        var device = fixture.Open(accelerator);
        int s = 12, d = 16, n = 6;
        var x = TestData.Activations(s, d, seed: 9);
        for (int j = 0; j < d; j++)
        {
            x[0, j] = 0f;                       // an all-zero token: delta 0
            x[3, j] = j % 2 == 0 ? -0f : 0f;    // signed zeros
            x[5, j] = 2.5f;                     // constant token
        }
        var w = TestData.Weights(n, d, seed: 4);
        for (int j = 0; j < d; j++) w[2, j] = j % 3 == 0 ? -0f : 0f;   // an all-zero channel: sw = 0
        var inputs = new LayerInputs(x, w, null);
        foreach (var q in new[] { "minmax", "symmetric" })
            AssertIdentical(device, "zeros " + q, inputs, ["numerics.transform=none", "numerics.hi_tokens=4", $"numerics.act_quant={q}"], ordered: false);
    }

    [SkippableTheory]
    [MemberData(nameof(Accelerators.Each), MemberType = typeof(Accelerators))]
    public void Random_shapes_and_configurations_match(AcceleratorKind accelerator)
    {
        var device = fixture.Open(accelerator);
        // Seeded, so a failure reproduces; shapes avoid multiples of the tile (32) and of 4.
        var rng = new Random(2024);
        string[] transforms = ["haar", "none", "dct"];
        for (int trial = 0; trial < 6; trial++)
        {
            int s = rng.Next(3, 50), n = rng.Next(1, 45), group = rng.Next(1, 9), d = group * rng.Next(1, 12);
            string[] sets =
            [
                $"numerics.transform={transforms[trial % 3]}", $"numerics.hi_tokens={rng.Next(0, s + 2)}",
                $"numerics.hi_bits={rng.Next(2, 9)}", $"numerics.lo_bits={rng.Next(2, 9)}", $"numerics.weight_bits={rng.Next(2, 9)}",
                $"numerics.act_group={(trial % 2 == 0 ? group : 0)}", $"numerics.act_quant={(trial % 4 < 2 ? "minmax" : "symmetric")}",
                $"mac_array.rows={rng.Next(1, 20)}", $"numerics.accumulator.tree_bits={rng.Next(8, 33)}", $"numerics.accumulator.acc_bits={rng.Next(8, 33)}",
                $"numerics.accumulator.overflow={(trial % 3 == 0 ? "wrap" : "saturate")}",
            ];
            AssertIdentical(device, $"trial {trial}: s={s} d={d} n={n} {string.Join(' ', sets)}", RandomLayer(s, d, n), sets, ordered: false);
        }
    }

    private static LayerResult AssertIdentical(GpuDevice device, string name, LayerInputs inputs, string[] sets, bool ordered)
    {
        var cfg = StampConfig.Load(null, sets);
        var golden = new StampLayer(cfg.Golden, new ExecutionOptions(ForceOrderedGemm: ordered)).Run(inputs, keepIntermediates: true);
        var gpu = new GpuLayer(device, cfg.Numerics, cfg.MacArray.Rows, ordered).Run(inputs);
        foreach (var stage in LayerComparison.Compare(inputs, golden, gpu))
            Assert.True(stage.Matches, $"{name} ({device.Description}, ordered={ordered}): {stage.Stage}: {stage.Mismatches} mismatches, first at {stage.FirstMismatchText}: expected {stage.FirstExpected}, got {stage.FirstActual}");
        return golden;
    }

    private static LayerInputs RandomLayer(int s, int d, int n) =>
        new(TestData.Activations(s, d, seed: s * 31 + d), TestData.Weights(n, d, seed: n * 7 + d), TestData.Vector(n, seed: n));
}
