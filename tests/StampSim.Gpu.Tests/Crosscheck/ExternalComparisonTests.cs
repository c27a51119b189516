using StampSim.Config;
using StampSim.Gpu.Crosscheck;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Traces.Npy;
using StampSim.Traces.Synthetic;
using StampSim.Tests.Support;

namespace StampSim.Tests.Crosscheck;

/// <summary>
/// A kernel written from the contract with one classic bug each, judged on the adversarial layer (caught, at the
/// stage the bug lives in, without blaming what follows) and on the shipped example layer (which lets them pass).
/// </summary>
public class ExternalComparisonTests
{
    private static readonly GoldenSettings EdgeNpu = StampConfig.Load(Path.Combine(SharedData.RepoRoot(), "hwconfigs", "edge-npu.yaml"), []).Golden;

    private static ExternalVerdict Judge(LayerInputs inputs, GoldenSettings settings, MockBug bug, long ulps = 0)
    {
        var golden = new StampLayer(settings).Run(inputs, keepIntermediates: true);
        var dump = new MockKernel(settings.Numerics, settings.MacRows, bug).Run(inputs, golden);
        return ExternalComparison.Compare(inputs, golden, settings, dump, ulps);
    }

    private static LayerInputs Adversarial(GoldenSettings settings) => AdversarialLayer.Create(settings.Numerics, 256, 256, 48, seed: 3);

    private static LayerInputs Example()
    {
        string dir = Path.Combine(SharedData.RepoRoot(), "traces", "examples");
        return new LayerInputs(NpyFile.ReadMatrix(Path.Combine(dir, "x.npy"), "X").Matrix, NpyFile.ReadMatrix(Path.Combine(dir, "w.npy"), "W").Matrix,
            NpyFile.ReadVector(Path.Combine(dir, "b.npy"), "b").Vector);
    }

    [Fact]
    public void A_contract_correct_kernel_passes_every_stage_of_the_adversarial_layer_also_with_a_narrow_accumulator()
    {
        var verdict = Judge(Adversarial(EdgeNpu), EdgeNpu, MockBug.None);
        Assert.True(verdict.Matches, string.Join("; ", verdict.Stages.Where(s => !s.Exact).Select(s => s.Stage.Name)));
        Assert.Equal(12, verdict.Stages.Count);   // every stage but the transformed activations
        var narrow = EdgeNpu with { Numerics = EdgeNpu.Numerics with { Accumulator = new AccumulatorConfig { AccBits = 16, TreeBits = 16 } } };
        var inputs = Adversarial(narrow);
        verdict = Judge(inputs, narrow, MockBug.None);
        Assert.True(verdict.Matches, string.Join("; ", verdict.Stages.Where(s => !s.Exact).Select(s => s.Stage.Name)));
        Assert.True(verdict.GoldenEvents.Accumulator > 0);
    }

    [Fact]
    public void The_adversarial_layer_has_ties_and_accumulators_beyond_16_bits()
    {
        var coverage = LayerCoverage.Of(new StampLayer(EdgeNpu).Run(Adversarial(EdgeNpu), keepIntermediates: true));
        Assert.True(coverage.ActivationTies > 1000, $"{coverage.ActivationTies} ties");
        Assert.True(coverage.MaxAbsAccumulator > 1 << 17, $"max |acc| {coverage.MaxAbsAccumulator}");
    }

    [Theory]
    [InlineData(MockBug.RoundHalfAway, "act_codes")]
    [InlineData(MockBug.HiTokenOffByOne, "act_bits")]
    [InlineData(MockBug.Wrap16Accumulator, "acc")]
    [InlineData(MockBug.TransposedWeightTile, "weight_codes")]
    [InlineData(MockBug.Fp16Epilogue, "yt")]
    public void Each_bug_is_blamed_on_its_stage_on_the_adversarial_layer_but_passes_the_example_layer(MockBug bug, string stage)
    {
        var verdict = Judge(Adversarial(EdgeNpu), EdgeNpu, bug);
        Assert.False(verdict.Matches);
        Assert.Equal(stage, verdict.FirstFailingStage?.Name);
        // Stage-isolated: what follows the bug is judged from the kernel's own previous stages and not blamed.
        var after = verdict.Stages.SkipWhile(s => s.Stage.Name != stage).Skip(1).Where(s => s.Stage.Name is "yt" or "before_bias" or "y").ToArray();
        Assert.All(after, s => Assert.Equal(0, s.Isolated.Mismatches));
        Assert.Contains(after, s => s.Golden.Mismatches > 0);
        if (bug is MockBug.RoundHalfAway or MockBug.Wrap16Accumulator)
            Assert.True(Judge(Example(), EdgeNpu, bug).Matches);   // the shipped example has no ties and |acc| < 2^15
    }

    [Fact]
    public void A_fused_epilogue_fails_exactly_at_yt_and_passes_within_a_tolerance_that_integer_stages_never_get()
    {
        var inputs = Adversarial(EdgeNpu);
        var exact = Judge(inputs, EdgeNpu, MockBug.FmaEpilogue);
        Assert.Equal("yt", exact.FirstFailingStage?.Name);
        var yt = exact.Stages.Single(s => s.Stage.Name == "yt").Isolated;
        Assert.True(yt.MaxUlp < 1 << 20, $"max {yt.MaxUlp} ulp");
        var tolerant = Judge(inputs, EdgeNpu, MockBug.FmaEpilogue, yt.MaxUlp);
        Assert.True(tolerant.Matches);
        Assert.Contains(tolerant.Stages, s => s.Passes && !s.Exact);
        // The same tolerance does not hide an integer bug.
        Assert.Equal("act_codes", Judge(inputs, EdgeNpu, MockBug.RoundHalfAway, yt.MaxUlp).FirstFailingStage?.Name);
    }

    [Fact]
    public void A_round_half_away_mismatch_lists_the_value_before_rounding_and_the_token_bits()
    {
        var verdict = Judge(Adversarial(EdgeNpu), EdgeNpu, MockBug.RoundHalfAway);
        var codes = verdict.Stages.Single(s => s.Stage.Name == "act_codes");
        var first = codes.First[0];
        Assert.Matches(@"before rounding \d+\.5, bits [48], saturated no$", first.Inputs);
        Assert.Equal(long.Parse(first.Expected) + 1, long.Parse(first.Actual));
        Assert.StartsWith("token ", codes.Affected[0]);
    }
}
