using StampSim.Hardware;
using StampSim.Reports.Analysis;
using StampSim.Traces;

namespace StampSim.Tests.Analysis;

public class FocusChoiceTests
{
    private static TraceLayer Layer(string name) => new(name, "linear", 0, "x", "w", null);

    [Fact]
    public void The_layer_with_the_most_macs_is_chosen_and_ties_go_to_the_first()
    {
        var choice = FocusChoice.MostMacs([
            (Layer("a"), new LayerShape(8, 4, 4)),
            (Layer("b"), new LayerShape(8, 4, 16)),
            (Layer("c"), new LayerShape(8, 16, 4)),
        ]);
        Assert.Equal("b", choice.Layer.Name);
        Assert.Contains("most multiply-accumulates (512)", choice.Reason);
    }
}
