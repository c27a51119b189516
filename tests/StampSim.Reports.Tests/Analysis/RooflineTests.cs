using StampSim.Reports.Analysis;
using StampSim.Reports.Run;
using StampSim.Hardware;

namespace StampSim.Tests.Analysis;

[Collection(nameof(BundledRun))]
public class RooflineTests(BundledRun fixture)
{
    [Fact]
    public void The_edge_npu_roofs_are_its_array_and_its_dram()
    {
        var r = fixture.Result.Rooflines.Single();
        Assert.Equal(256, r.PeakLowBits);
        Assert.Equal(128, r.PeakEightBits); // two nibble passes
        Assert.Equal(25.6, r.DramBytesPerCycle, 9);
        Assert.Equal(10, r.RidgeIntensity, 9);
    }

    [Fact]
    public void Every_layer_and_variant_sits_under_the_roof()
    {
        var run = fixture.Result;
        var r = run.Rooflines.Single();
        Assert.Equal(run.Layers.Count * 3, r.Points.Count);
        foreach (var p in r.Points)
        {
            double peak = p.Variant == Variant.A8 ? r.PeakEightBits : r.PeakLowBits;
            Assert.True(p.MacsPerCycle <= Math.Min(peak, p.Intensity * r.DramBytesPerCycle) + 1e-9, $"{p}");
        }
    }

    [Fact]
    public void An_int8_array_has_one_roof()
    {
        var run = Runs.Execute(Runs.Request(layers: "output", configs: [Runs.Config("int8-baseline.yaml")]));
        var r = Roofline.Of(run.Configs[0], run.Layers);
        Assert.Equal(r.PeakLowBits, r.PeakEightBits);
    }
}
