using StampSim.Config;
using StampSim.Hardware;
using StampSim.Tests.Support;

namespace StampSim.Tests.Hardware;

/// <summary>The dataflow and cycle-model registries: every name loads, an unknown one is refused with the known ones.</summary>
public class RegistriesTests
{
    private static StampConfig Unit(params string[] sets) => StampConfig.Load(TestData.Fixture("Hardware", "Fixtures", "unit-accel.yaml"), sets);

    [Fact]
    public void Every_dataflow_and_cycle_model_loads_by_name()
    {
        foreach (var d in Dataflows.All)
            Assert.Same(d, Unit($"mac_array.dataflow={d.Name}").MacArray.Dataflow);
        foreach (var m in CycleModels.Names)
            Assert.Equal(m, Unit($"cycle_model={m}").Accelerator!.CycleModel);
    }

    [Fact]
    public void Unknown_names_are_refused_with_the_known_ones()
    {
        var df = Assert.Throws<InputException>(() => Unit("mac_array.dataflow=rs"));
        Assert.Contains("mac_array.dataflow", df.Message);
        Assert.Contains("ws, os, is", df.Message);
        var cm = Assert.Throws<InputException>(() => Unit("cycle_model=timeloop"));
        Assert.Contains("cycle_model", cm.Message);
        Assert.Contains("stamp, scalesim", cm.Message);
    }
}
