using System.Text.Json;
using StampSim.Gpu.Crosscheck;
using StampSim.Gpu.Pipeline;
using StampSim.Gpu.Runtime;
using StampSim.Numerics;
using StampSim.Tensors;
using StampSim.Tests.Support;
using StampSim.Traces.Npy;

namespace StampSim.Tests.Golden;

/// <summary>
/// Replays the fixtures of the independent NumPy reference (tests/StampSim.Numerics.Tests/Golden) through
/// the ILGPU kernels on every accelerator (<see cref="Accelerators"/>) and compares every stage with the
/// NumPy arrays directly, bit for bit (DCT, whose basis may differ by an ulp between implementations, is
/// checked to 1 ulp like the core tests do).
/// </summary>
[Collection(AcceleratorCollection.Name)]
public class GoldenFixtureTests(AcceleratorFixture fixture)
{
    public static TheoryData<string> Cases() => new(GoldenCase.Names());

    [Fact]
    public void The_fixtures_are_present() => Assert.True(Cases().Count >= 10);

    public static TheoryData<AcceleratorKind, string> CasesOnEach() => Accelerators.Cross(Cases());

    [SkippableTheory]
    [MemberData(nameof(CasesOnEach))]
    public void Every_stage_matches_the_numpy_reference(AcceleratorKind accelerator, string name)
    {
        var device = fixture.Open(accelerator);
        using var golden = GoldenCase.Load(name);
        var (cfg, npz) = (golden.Config, golden.Npz);
        var inputs = golden.Inputs();
        var (x, w) = (inputs.X, inputs.W);
        var gpu = new GpuLayer(device, cfg.Numerics, cfg.MacArray.Rows).Run(inputs);

        if (cfg.Numerics.Transform == SequenceTransformKind.Dct)
        {
            Assert.True(ArrayComparer.Compare("lx", [x.Data.Length], npz.ReadFloat32("lx").Data, gpu.TransformedX).MaxUlp <= 1);
            return;
        }
        AssertMatch(ArrayComparer.Compare("transformed activations", [x.Data.Length], npz.ReadFloat32("lx").Data, gpu.TransformedX));
        AssertMatch(ArrayComparer.Compare("activation codes", [x.Data.Length], npz.ReadInt64("codes").Data, LayerComparison.Signed(gpu.Codes, gpu.CodeOffset)));
        AssertMatch(ArrayComparer.Compare("delta", [gpu.Scale.Length], npz.ReadFloat32("delta").Data, gpu.Scale));
        AssertMatch(ArrayComparer.Compare("mn", [gpu.Offset.Length], npz.ReadFloat32("mn").Data, gpu.Offset));
        AssertMatch(ArrayComparer.Compare("weight codes", [w.Data.Length], npz.ReadInt64("qw").Data, Array.ConvertAll(gpu.WeightCodes, c => (long)c)));
        AssertMatch(ArrayComparer.Compare("sw", [w.Rows], npz.ReadFloat32("sw").Data, gpu.WeightScale));
        AssertMatch(ArrayComparer.Compare("accumulators", [gpu.Accumulators.Length], npz.ReadInt64("acc").Data, gpu.Accumulators));
        AssertMatch(ArrayComparer.Compare("yt", [gpu.Yt.Length], npz.ReadFloat32("yt").Data, gpu.Yt));
        AssertMatch(ArrayComparer.Compare("y", [gpu.Y.Length], npz.ReadFloat32("y").Data, gpu.Y));
        Assert.Equal(golden.TreeEvents, gpu.Events.Tree);
        Assert.Equal(golden.AccEvents, gpu.Events.Accumulator);
    }

    private static void AssertMatch(StageComparison c) =>
        Assert.True(c.Matches, $"{c.Stage}: {c.Mismatches} mismatches, first at {c.FirstMismatchText}: expected {c.FirstExpected}, got {c.FirstActual}");

}
