using StampSim.Rtl.Simulation;
using StampSim.Rtl.Vectors;
using StampSim.Tests.Support;
using StampSim.Traces;

namespace StampSim.Tests.Simulation;

/// <summary>The emitted column against the golden vectors in real simulators (skipped when they are not installed).</summary>
public class SimulatorsTests
{
    [SkippableTheory]
    [InlineData("saturate")]
    [InlineData("wrap")]
    public void Tree_and_accumulator_widths_just_at_and_just_past_overflow(string overflow)
    {
        Tools.Require("iverilog");
        // Wide widths first, to learn how many bits the chunk sums and partial accumulators need.
        var inputs = RandomLayer.Create(6, 29, 4, seed: 11);
        var wide = TestVectors.Generate(RtlBench.Config("edge-npu", "mac_array.rows=7", "numerics.hi_tokens=3"), inputs, null, RtlBench.Serial);
        int tree = wide.Records.Max(r => RtlBench.BitsFor(r.ChunkSum));
        int acc = wide.Records.Max(r => RtlBench.BitsFor(r.Accumulator));
        Assert.True(acc > tree, "the layer should need more accumulator than tree bits");

        foreach (var (treeBits, accBits, treeEvents, accEvents) in new[]
                 {
                     (tree, acc, false, false),      // just at: no event anywhere
                     (tree - 1, acc + 1, true, false), // one tree bit short
                     (tree, acc - 1, false, true),   // one accumulator bit short
                 })
        {
            var config = RtlBench.Config("edge-npu", "mac_array.rows=7", "numerics.hi_tokens=3", $"numerics.accumulator.overflow={overflow}",
                $"numerics.accumulator.tree_bits={treeBits}", $"numerics.accumulator.acc_bits={accBits}");
            var v = TestVectors.Generate(config, inputs, null, RtlBench.Serial);
            Assert.Equal(treeEvents, v.Events.Tree > 0);
            Assert.Equal(accEvents, v.Events.Accumulator > 0);
            using var dir = new TempDir();
            RtlBench.AssertClean(RtlBench.Verify(v, SimulatorKind.Iverilog, dir), v);
        }
    }

    [SkippableTheory]
    [InlineData("edge-npu", 3, 0)]        // two_pass, odd rows
    [InlineData("bitfusion", 5, 10)]      // fused, groups shorter than two chunks
    [InlineData("int8-baseline", 1, 0)]   // one-row tree
    [InlineData("mobile-npu", 4, 8)]      // groups of two chunks
    [InlineData("datacenter", 9, 0)]
    public void Two_pass_fused_and_int8_columns_with_odd_rows_and_groups(string name, int rows, int group)
    {
        Tools.Require("iverilog");
        var config = RtlBench.Config(name, $"mac_array.rows={rows}", "numerics.hi_tokens=2", $"numerics.act_group={group}",
            "numerics.accumulator.tree_bits=9", "numerics.accumulator.acc_bits=11", "numerics.accumulator.overflow=wrap");
        var v = RtlBench.Random(config, tokens: 5, features: 40, outputs: 3, seed: rows);
        Assert.True(v.Events.Total > 0);
        Assert.Equal(name != "int8-baseline" && name != "datacenter", v.Records.Any(r => r.Wide));
        using var dir = new TempDir();
        RtlBench.AssertClean(RtlBench.Verify(v, SimulatorKind.Iverilog, dir), v);
    }

    [SkippableTheory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Random_layers_and_random_configs(int seed)
    {
        Tools.Require("iverilog");
        var rng = new Random(seed);
        string name = new[] { "edge-npu", "bitfusion", "int8-baseline" }[rng.Next(3)];
        int rows = rng.Next(1, 12), tokens = rng.Next(1, 7), d = 4 * rng.Next(2, 13);
        var config = RtlBench.Config(name, $"mac_array.rows={rows}", $"numerics.hi_tokens={rng.Next(0, 4)}",
            $"numerics.act_quant={(rng.Next(2) == 0 ? "minmax" : "symmetric")}", $"numerics.act_group={(rng.Next(2) == 0 ? 0 : 4)}",
            $"numerics.accumulator.tree_bits={rng.Next(6, 16)}", $"numerics.accumulator.acc_bits={rng.Next(8, 20)}",
            $"numerics.accumulator.overflow={(rng.Next(2) == 0 ? "saturate" : "wrap")}");
        var v = RtlBench.Random(config, tokens, d, rng.Next(1, 5), seed);
        using var dir = new TempDir();
        RtlBench.AssertClean(RtlBench.Verify(v, SimulatorKind.Iverilog, dir), v);
    }

    [SkippableTheory]
    [InlineData("edge-npu")]
    [InlineData("int8-baseline")]
    public void A_real_layer_of_the_bundled_trace_under_both_simulators(string name)
    {
        Tools.Require("verilator", "iverilog");
        using var trace = TraceFile.Open(BundledTrace.Materialize());
        var layer = trace.Layer("layers.0.feed_forward.w2");   // d = 172: ten chunks of 16 and a short one
        var config = RtlBench.Config(name);
        config = config with { Numerics = layer.NumericsFor(config.Numerics) };
        var v = TestVectors.Generate(config, trace.Load(layer), 12, RtlBench.Serial);
        Assert.Contains(v.TokenBits, b => b == 8);
        Assert.Contains(v.TokenBits, b => b == 4);
        using var dir = new TempDir();
        var verilator = RtlBench.Verify(v, SimulatorKind.Verilator, dir);
        var iverilog = RtlBench.Verify(v, SimulatorKind.Iverilog, dir);
        RtlBench.AssertClean(verilator, v);
        RtlBench.AssertClean(iverilog, v);
        Assert.Equal(verilator with { Simulator = SimulatorKind.Iverilog, CompileSeconds = 0, SimulateSeconds = 0 },
                     iverilog with { CompileSeconds = 0, SimulateSeconds = 0 });
    }

    [SkippableTheory]
    [InlineData(SimulatorKind.Verilator)]
    [InlineData(SimulatorKind.Iverilog)]
    public void Saturate_swapped_for_wrap_is_caught_at_the_first_record_that_differs(SimulatorKind kind)
    {
        Tools.Require(Simulators.Name(kind));
        var inputs = RandomLayer.Create(5, 30, 4, seed: 7);
        string[] common = ["mac_array.rows=6", "numerics.hi_tokens=2", "numerics.accumulator.tree_bits=10", "numerics.accumulator.acc_bits=11"];
        var saturate = TestVectors.Generate(RtlBench.Config("edge-npu", [.. common, "numerics.accumulator.overflow=saturate"]), inputs, null, RtlBench.Serial);
        var wrap = TestVectors.Generate(RtlBench.Config("edge-npu", [.. common, "numerics.accumulator.overflow=wrap"]), inputs, null, RtlBench.Serial);
        var expected = FirstDifference(saturate, wrap);
        using var dir = new TempDir();
        var result = RtlBench.Verify(saturate, kind, dir, sv => sv.Replace(".SATURATE(SATURATE)", ".SATURATE(!SATURATE)"));
        AssertCaughtAt(result, expected);
    }

    [SkippableFact]
    public void One_tree_bit_fewer_is_caught_at_the_first_record_that_differs()
    {
        Tools.Require("iverilog");
        var inputs = RandomLayer.Create(5, 30, 4, seed: 8);
        string[] common = ["mac_array.rows=6", "numerics.hi_tokens=2", "numerics.accumulator.acc_bits=20", "numerics.accumulator.overflow=saturate"];
        var golden = TestVectors.Generate(RtlBench.Config("edge-npu", [.. common, "numerics.accumulator.tree_bits=13"]), inputs, null, RtlBench.Serial);
        var narrow = TestVectors.Generate(RtlBench.Config("edge-npu", [.. common, "numerics.accumulator.tree_bits=12"]), inputs, null, RtlBench.Serial);
        var expected = FirstDifference(golden, narrow);
        using var dir = new TempDir();
        var result = RtlBench.Verify(golden, SimulatorKind.Iverilog, dir, sv => sv
            .Replace("logic signed [TREE_BITS-1:0] chunk_in_range;", "logic signed [TREE_BITS-2:0] chunk_in_range;")
            .Replace(".OUT_W(TREE_BITS)", ".OUT_W(TREE_BITS - 1)"));
        AssertCaughtAt(result, expected);
    }

    private static ChunkRecord FirstDifference(TestVectors a, TestVectors b)
    {
        for (int i = 0; i < a.Records.Length; i++)
            if (a.Records[i] != b.Records[i]) return a.Records[i];
        throw new InvalidOperationException("the two configs give the same vectors: widen the test's overflow");
    }

    private static void AssertCaughtAt(SimulationResult result, ChunkRecord expected)
    {
        Assert.True(result.Mismatches > 0, result.Summary);
        var first = result.First!;
        Assert.Equal((expected.Token, expected.Channel, expected.Chunk), (first.Token, first.Channel, first.Chunk));
        Assert.Contains("first mismatch at (token", result.Summary);
    }
}
