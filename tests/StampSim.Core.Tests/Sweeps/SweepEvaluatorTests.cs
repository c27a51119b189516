using StampSim.Numerics;
using StampSim.Sweeps;
using StampSim.Tests.Support;

namespace StampSim.Tests.Sweeps;

public class SweepEvaluatorTests
{
    // 2 hi_tokens x 2 lo_bits numerics settings, each shared by 2 bandwidths.
    private const string Spec = "trace: bundled\nlayers: \"layers.0.attention.*\"\nconfig: {0}\naxes:\n  numerics.hi_tokens: [0, 16]\n"
        + "  numerics.lo_bits: [2, 4]\n  dram.bandwidth: [12.8 GB/s, 25.6 GB/s]\n";

    private static SweepInputs Open(TempDir dir)
    {
        string path = dir.File("spec.yaml");
        File.WriteAllText(path, string.Format(System.Globalization.CultureInfo.InvariantCulture, Spec, Path.Combine(SharedData.RepoRoot(), "hwconfigs", "edge-npu.yaml")));
        return SweepInputs.Open(SweepSpec.Load(path));
    }

    [Fact]
    public void Layer_major_preparation_gives_every_point_the_results_of_one_setting_at_a_time()
    {
        using var dir = new TempDir();
        using var inputs = Open(dir);
        var points = SweepPlan.Expand(inputs.Spec, inputs.Configs);
        var alone = inputs.Evaluator(ExecutionOptions.Default);
        var expected = points.Select(alone.Evaluate).ToList();
        Assert.Equal(4, alone.EngineRuns);

        var prepared = inputs.Evaluator(ExecutionOptions.Default);
        prepared.Prepare(points);
        Assert.Equal(0, prepared.EngineRuns);   // planned, run on first use
        Assert.Equal(expected.Take(1), points.Take(1).Select(prepared.Evaluate));
        Assert.Equal(SweepEvaluator.SettingsPerPass, prepared.EngineRuns);   // the first point ran its whole group
        Assert.Equal(expected, points.Select(prepared.Evaluate));
        Assert.Equal(4, prepared.EngineRuns);
        Assert.All(expected, r => Assert.True(r.Feasible && double.IsFinite(r.SqnrDb)));
    }
}
