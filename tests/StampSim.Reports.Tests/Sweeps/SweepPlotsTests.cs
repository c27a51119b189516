using ScottPlot;
using StampSim.App.Sweeps;
using StampSim.Reports.Sweeps;
using StampSim.Sweeps;
using StampSim.Tests.Support;

namespace StampSim.Tests.Sweeps;

/// <summary>The sweep plots as built (before rendering): legends outside the data, enough ticks, coincident points spread.</summary>
public class SweepPlotsTests
{
    // Two DRAM latencies 1 ns apart give (almost) the same energy and latency: points that would hide each other.
    private static SweepTable Sweep(TempDir dir)
    {
        string spec = dir.File("spec.yaml");
        string config = Path.Combine(SharedData.RepoRoot(), "hwconfigs", "edge-npu.yaml");
        File.WriteAllText(spec, $"trace: bundled\nlayers: \"layers.0.attention.wq\"\nconfig: {config}\naxes:\n" +
                                "  mac_array.rows: [8, 16, 32]\n  dram.latency_ns: [100, 101]\n");
        var loaded = SweepSpec.Load(spec);
        using var inputs = SweepInputs.Open(loaded);
        SweepRunner.Run(inputs, new SweepRunOptions(dir.File("out")));
        return SweepTable.Read(dir.File("out"), loaded);
    }

    private static void AssertLegendBelowTheData(Plot plot)
    {
        Assert.False(plot.Legend.IsVisible); // no legend inside the data area
        var panel = Assert.Single(plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>());
        Assert.Equal(Edge.Bottom, panel.Edge);
    }

    private static int Labelled(IAxis axis) => ((ScottPlot.TickGenerators.NumericManual)axis.TickGenerator).Ticks.Count(t => t.IsMajor && t.Label.Length > 0);

    [Fact]
    public void Sweep_plots_keep_their_legends_out_of_the_data_and_spread_coincident_points()
    {
        using var dir = new TempDir();
        var t = Sweep(dir);
        Assert.Equal(6, t.Feasible.Count());
        AssertLegendBelowTheData(SweepPlots.SensitivityPlot(t, 0));
        AssertLegendBelowTheData(SweepPlots.SensitivityPlot(t, 1));

        var pareto = SweepPlots.EnergyLatencyPlot(t);
        AssertLegendBelowTheData(pareto);
        pareto.GetImageBytes(1200, 800, ImageFormat.Png); // the tick generators fill their visible ticks when rendered
        Assert.True(Labelled(pareto.Axes.Left) >= 4 && Labelled(pareto.Axes.Bottom) >= 4, $"{Labelled(pareto.Axes.Left)} and {Labelled(pareto.Axes.Bottom)} labelled ticks");
        // Six design points, three pairs that differ by 1 ns of DRAM latency: drawn at least about a marker apart
        // (a 7-pixel marker in a data area of roughly 950 x 600 pixels).
        var markers = pareto.GetPlottables().OfType<ScottPlot.Plottables.Marker>().Select(m => (m.X, m.Y)).ToList();
        Assert.Equal(6, markers.Count);
        var limits = pareto.Axes.GetLimits();
        double Apart((double X, double Y) a, (double X, double Y) b) =>
            Math.Sqrt(Math.Pow((a.X - b.X) / (limits.HorizontalSpan * 7 / 950), 2) + Math.Pow((a.Y - b.Y) / (limits.VerticalSpan * 7 / 600), 2));
        double closest = markers.SelectMany((a, i) => markers.Skip(i + 1).Select(b => Apart(a, b))).Min();
        Assert.True(closest >= 1, $"two markers are only {closest:0.00} marker sizes apart");
    }
}
