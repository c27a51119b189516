using ScottPlot;
using StampSim.Evaluation;
using StampSim.Hardware;
using StampSim.Reports.Plots;

namespace StampSim.Tests.Plots;

/// <summary>What the plots are built from: energy shares, log-axis ticks, the spreading of coincident markers.</summary>
[Collection(nameof(BundledRun))]
public class PlotModelTests(BundledRun fixture)
{
    [Fact]
    public void Energy_shares_add_up_to_100_percent_and_follow_the_components()
    {
        var totals = Assert.Single(fixture.Result.Totals);
        foreach (var v in Variants.All)
        {
            var t = totals.ByVariant[v];
            var shares = Enum.GetValues<CostComponent>().Select(t.EnergySharePercent).ToList();
            Assert.Equal(100, shares.Sum(), 9);
            Assert.All(shares, s => Assert.InRange(s, 0, 100));
            Assert.Equal(100 * t.EnergyByComponentPj[CostComponent.Mac] / t.EnergyPj, t.EnergySharePercent(CostComponent.Mac), 12);
        }
        // The components the stacked bars cannot show are there, and labelled with enough digits to tell apart.
        var stamp = totals.ByVariant[Variant.Stamp];
        Assert.InRange(stamp.EnergySharePercent(CostComponent.Quantizer), 1e-3, 1);
        Assert.Equal(0, totals.ByVariant[Variant.A4].EnergySharePercent(CostComponent.Dwt));
        Assert.Equal(["61.2%", "1.39%", "0.0212%", "0%", "n/a"],
            new[] { 61.234, 1.3949, 0.021249, 0, double.NaN }.Select(Reports.Writers.Display.SharePercent));
    }

    [Theory]
    [InlineData(2.96, 3.42)]    // the minimal sweep's energy axis: 912 to 2,630 uJ (before: labels at 1,000 and 2,000 only)
    [InlineData(2.63, 3.48)]    // its latency axis
    [InlineData(0.0, 0.08)]     // 1 to 1.2
    [InlineData(-3.1, -2.95)]   // 0.00079 to 0.0011
    [InlineData(-2.0, 3.0)]     // five decades: 1-2-5 labels
    public void A_log_axis_gets_at_least_four_labelled_ticks_inside_its_range(double min, double max)
    {
        var ticks = LogAxis.Ticks(min, max);
        var labelled = ticks.Where(t => t.Label is not null).ToList();
        Assert.True(labelled.Count >= LogAxis.MinLabelled, string.Join(", ", labelled.Select(t => t.Label)));
        Assert.All(ticks, t => Assert.InRange(t.Position, min - 1e-9, max + 1e-9));
        Assert.Equal(labelled.Count, labelled.Select(t => t.Label).Distinct().Count());
        // Labels name the value at their position.
        Assert.All(labelled, t => Assert.Equal(Math.Pow(10, t.Position), double.Parse(t.Label!, System.Globalization.NumberStyles.Float | System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture), Math.Pow(10, t.Position) * 1e-6));
    }

    [Fact]
    public void A_wide_log_axis_keeps_the_1_2_5_labels()
    {
        var labels = LogAxis.Ticks(0, 2).Where(t => t.Label is not null).Select(t => t.Label).ToList();
        Assert.Equal(["1", "2", "5", "10", "20", "50", "100"], labels);
    }

    [Fact]
    public void Coincident_markers_are_spread_one_marker_apart_and_lone_ones_stay()
    {
        double[] xs = [1, 1, 1, 1, 1, 1, 5, 3], ys = [2, 2, 2, 2, 2.001, 2, 5, 3];
        var at = PointSpread.Spread(xs, ys, 0.1, 0.2);
        Assert.Equal((5.0, 5.0, 1), at[6]);
        Assert.Equal((3.0, 3.0, 1), at[7]);
        var group = at.Take(6).ToList();
        Assert.All(group, p => Assert.Equal(6, p.Group));
        for (int i = 0; i < group.Count; i++)
        {
            for (int j = i + 1; j < group.Count; j++)
            {
                double dx = (group[i].X - group[j].X) / 0.1, dy = (group[i].Y - group[j].Y) / 0.2;
                Assert.True(Math.Sqrt(dx * dx + dy * dy) >= 0.9, $"points {i} and {j} are {Math.Sqrt(dx * dx + dy * dy):0.00} markers apart");
            }
        }
        // They stay around their common position: within two markers for six points.
        Assert.All(group, p => Assert.True(Math.Abs(p.X - 1) <= 0.2 && Math.Abs(p.Y - 2) <= 0.4));
        Assert.Equal(at, PointSpread.Spread(xs, ys, 0.1, 0.2));
    }
}
