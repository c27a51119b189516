using ScottPlot;
using StampSim.Inference;
using StampSim.Numerics;
using StampSim.Reports.Plots;
using StampSim.Hardware;

namespace StampSim.Reports.Model;

/// <summary>The model report's plots: where the time goes, and TTFT and energy per token against prompt length.</summary>
public static class ModelPlots
{
    /// <summary>Renders every plot of <paramref name="r"/> into <paramref name="folder"/>.</summary>
    public static IReadOnlyList<PlotFile> Render(ModelResult r, string folder)
    {
        var plots = new List<PlotFile>();
        foreach (var c in r.Configs)
        {
            plots.Add(TimeByClass(c, folder));
            if (c.Sweep.Count > 1)
            {
                plots.Add(Sweep(c, folder, "ttft", "TTFT against prompt length", "time to first token (ms)", v => v.TtftSeconds * 1e3));
                plots.Add(Sweep(c, folder, "energy_per_token", "Energy per token against prompt length", "energy per generated token (mJ)", v => v.EnergyPerTokenJ * 1e3));
            }
        }
        return plots;
    }

    private static PlotFile TimeByClass(ModelConfigResult c, string folder)
    {
        var plot = PlotTheme.Create($"Where the time goes: {c.Config.Label} (bars: prefill and decode of STaMP, A4, A8)", "phase", "time (ms)");
        var classes = Enum.GetValues<OperatorClass>();
        var bars = new List<(string Label, Func<OperatorClass, double> Ms)>();
        foreach (var v in c.Variants)
        {
            bars.Add(($"{v.Variant.Display()} prefill", k => v.Prefill.ByClass.GetValueOrDefault(k)?.Seconds * 1e3 ?? 0));
            if (v.Decode is { } d) bars.Add(($"{v.Variant.Display()} decode", k => d.ByClass.GetValueOrDefault(k)?.Seconds * 1e3 ?? 0));
        }
        var tops = new double[bars.Count];
        for (int k = 0; k < classes.Length; k++)
        {
            var segment = new List<Bar>();
            for (int i = 0; i < bars.Count; i++)
            {
                double h = bars[i].Ms(classes[k]);
                if (h <= 0) continue;
                segment.Add(new Bar { Position = i, ValueBase = tops[i], Value = tops[i] + h, FillColor = PlotTheme.Segment(k), Size = 0.7 });
                tops[i] += h;
            }
            if (segment.Count == 0) continue;
            var p = plot.Add.Bars(segment);
            p.LegendText = ConfigNames.Of(classes[k]);
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, bars.Count).Select(i => (double)i).ToArray(), bars.Select(b => b.Label).ToArray());
        plot.ShowLegend(Alignment.UpperRight);
        string stem = $"time_by_class.{c.Config.Label}";
        PlotTheme.Save(plot, folder, stem, PlotTheme.Standard);
        return new PlotFile(stem, c.Config.Label, "Where the time goes",
            "Stacked time of each operator class, for the prefill and the decode of each variant. Linear layers differ between the variants; attention, the vector unit and memory are the same.");
    }

    private static PlotFile Sweep(ModelConfigResult c, string folder, string name, string title, string yLabel, Func<VariantCost, double> y)
    {
        var plot = PlotTheme.Create($"{title}: {c.Config.Label}", "prompt tokens", yLabel);
        double[] xs = c.Sweep.Select(s => (double)s.Prompt).ToArray();
        foreach (var v in Variants.All)
        {
            var line = plot.Add.Scatter(xs, c.Sweep.Select(s => y(s.Variants.First(x => x.Variant == v))).ToArray());
            line.LegendText = v.Display();
            line.Color = PlotTheme.Of(v);
            line.MarkerShape = PlotTheme.MarkerOf(v);
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs, xs.Select(x => x.ToString("0")).ToArray());
        plot.ShowLegend(Alignment.UpperLeft);
        string stem = $"{name}.{c.Config.Label}";
        PlotTheme.Save(plot, folder, stem, PlotTheme.Standard);
        return new PlotFile(stem, c.Config.Label, title,
            "STaMP keeps a fixed number of tokens at 8 bits and pays the sequence transform; as the prompt grows those costs fade against the 4-bit bulk.");
    }
}
