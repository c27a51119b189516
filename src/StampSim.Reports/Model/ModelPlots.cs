using ScottPlot;
using StampSim.ModelCost;
using StampSim.Numerics;
using StampSim.Reports.Plots;
using StampSim.Hardware;

namespace StampSim.Reports.Model;

/// <summary>
/// The model report's plots: where the time goes (the prefill; one decode step, on its own scale), and TTFT and energy against prompt
/// length on a log axis. Times in the unit that suits the largest value; y axes start at zero; legends below the data.
/// </summary>
public static class ModelPlots
{
    /// <summary>Renders every plot of <paramref name="r"/> into <paramref name="folder"/>.</summary>
    public static IReadOnlyList<PlotFile> Render(ModelResult r, string folder)
    {
        var plots = new List<PlotFile>();
        foreach (var c in r.Configs)
        {
            plots.Add(TimeByClass(c, folder, decode: false));
            if (r.Architecture.Family.Decodes && r.Request.Decode > 0) plots.Add(TimeByClass(c, folder, decode: true));
            if (c.Sweep.Count > 1)
            {
                plots.Add(Sweep(c, folder, "ttft", "TTFT against prompt length", "time to first token", TimeUnit, v => v.TtftSeconds));
                plots.Add(Sweep(c, folder, "prefill_energy_per_token", "Prefill energy per prompt token against prompt length", "prefill energy per prompt token",
                    EnergyUnit, v => v.PrefillEnergyPerTokenJ));
            }
        }
        return plots;
    }

    private static (double Scale, string Unit) TimeUnit(double max) => max >= 1 ? (1, "s") : max >= 1e-3 ? (1e3, "ms") : (1e6, "µs");

    private static (double Scale, string Unit) EnergyUnit(double max) => max >= 1 ? (1, "J") : max >= 1e-3 ? (1e3, "mJ") : (1e6, "µJ");

    private static PlotFile TimeByClass(ModelConfigResult c, string folder, bool decode)
    {
        var classes = Enum.GetValues<OperatorClass>();
        var bars = new List<(string Label, Func<OperatorClass, double> Seconds)>();
        foreach (var v in c.Variants.Where(v => v.Infeasible is null))
        {
            if (!decode) bars.Add(($"{v.Variant.Display()} prefill", k => v.Prefill.ByClass.GetValueOrDefault(k)?.Seconds ?? 0));
            // One decode step (the mean over the steps), so that decode is comparable to TPOT rather than a total of many steps.
            else if (v.Decode is { } d && v.Request.Decode > 0)
                bars.Add(($"{v.Variant.Display()} decode step", k => (d.ByClass.GetValueOrDefault(k)?.Seconds ?? 0) / v.Request.Decode));
        }
        double max = bars.Count == 0 ? 0 : bars.Max(b => classes.Sum(b.Seconds));
        var (scale, unit) = TimeUnit(max);
        string what = decode ? "one decode step" : "the prefill";
        var plot = PlotTheme.Create($"Where the time of {what} goes: {c.Config.Label}", "variant", $"time ({unit})");
        var tops = new double[bars.Count];
        for (int k = 0; k < classes.Length; k++)
        {
            var segment = new List<Bar>();
            for (int i = 0; i < bars.Count; i++)
            {
                double h = bars[i].Seconds(classes[k]) * scale;
                if (h <= 0) continue;
                segment.Add(new Bar { Position = i, ValueBase = tops[i], Value = tops[i] + h, FillColor = PlotTheme.Segment(k), Size = 0.7 });
                tops[i] += h;
            }
            if (segment.Count == 0) continue;
            var p = plot.Add.Bars(segment);
            p.LegendText = ConfigNames.Of(classes[k]);
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, bars.Count).Select(i => (double)i).ToArray(), bars.Select(b => b.Label).ToArray());
        plot.Axes.SetLimitsY(0, Math.Max(max * scale, 1e-9) * 1.08);
        PlotTheme.LegendBelow(plot);
        string stem = $"{(decode ? "decode_step_by_class" : "time_by_class")}.{c.Config.Label}";
        PlotTheme.Save(plot, folder, stem, PlotTheme.Standard);
        return new PlotFile(stem, c.Config.Label, decode ? "Where the time of a decode step goes" : "Where the prefill time goes",
            $"Stacked time of each operator class in {(decode ? "one decode step (the mean of the decode steps)" : "the prefill (ViT: the pass; DiT: all steps)")} of each variant " +
            "that can run. Linear layers differ between the variants; attention, the vector unit and memory are the same.");
    }

    private static PlotFile Sweep(ModelConfigResult c, string folder, string name, string title, string yLabel, Func<double, (double, string)> unitOf, Func<VariantCost, double?> y)
    {
        double max = c.Sweep.SelectMany(s => s.Variants).Select(y).Max() ?? 0;
        var (scale, unit) = unitOf(max);
        var plot = PlotTheme.Create($"{title}: {c.Config.Label}", "prompt tokens (log scale)", $"{yLabel} ({unit})");
        foreach (var v in Variants.All)
        {
            // Infeasible points (null) are left out; the x axis is log10 of the prompt, labelled with the prompts.
            var points = c.Sweep.Select(s => (s.Prompt, Y: y(s.Variants.First(x => x.Variant == v)))).Where(p => p.Y is not null).ToList();
            if (points.Count == 0) continue;
            var line = plot.Add.Scatter(points.Select(p => Math.Log10(p.Prompt)).ToArray(), points.Select(p => p.Y!.Value * scale).ToArray());
            line.LegendText = v.Display();
            line.Color = PlotTheme.Of(v);
            line.MarkerShape = PlotTheme.MarkerOf(v);
        }
        double[] xs = c.Sweep.Select(s => Math.Log10(s.Prompt)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs, c.Sweep.Select(s => s.Prompt.ToString("0")).ToArray());
        plot.Axes.SetLimitsY(0, Math.Max(max * scale, 1e-9) * 1.08);
        PlotTheme.LegendBelow(plot);
        string stem = $"{name}.{c.Config.Label}";
        PlotTheme.Save(plot, folder, stem, PlotTheme.Standard);
        return new PlotFile(stem, c.Config.Label, title,
            "STaMP keeps a fixed number of tokens at 8 bits and pays the sequence transform; as the prompt grows those costs fade against the 4-bit bulk. Infeasible points are left out.");
    }
}
