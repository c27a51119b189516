using ScottPlot;
using StampSim.Reports.Run;
using StampSim.Hardware;

namespace StampSim.Reports.Plots;

/// <summary>Cycles by pipeline stage per layer, STaMP vs A4 vs A8, with each layer's total (critical path) marked.</summary>
internal static class CyclesByStagePlot
{
    public static PlotFile Render(RunResult run, ConfigSpec config, string folder)
    {
        var plot = PlotTheme.Create($"Cycles by stage per layer: {config.Label} (bars S = STaMP, 4 = A4, 8 = A8)", "layer", "cycles");
        var layers = run.Layers;
        // The compute stages stacked in the bars (memories overlap them and are summarised by the total marker).
        var stages = CostStages.Compute(layers.SelectMany(l => l.On(config.Label).Cost.All.Select(x => x.Result)));
        GroupedStackedBars.Add(plot, layers.Count, stages, stage => stage, (i, v, stage) =>
        {
            var cost = layers[i].On(config.Label).CostOf(v);
            return cost.Feasible ? cost.CyclesByStage.GetValueOrDefault(stage) : double.NaN;
        });
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < layers.Count; i++)
        {
            foreach (var v in Variants.All)
            {
                var cost = layers[i].On(config.Label).CostOf(v);
                if (!cost.Feasible) continue;
                xs.Add(i + GroupedStackedBars.Offset(v));
                ys.Add(cost.TotalCycles);
            }
        }
        var total = plot.Add.Markers(xs.ToArray(), ys.ToArray(), MarkerShape.HorizontalBar, 16, Colors.Black);
        total.MarkerLineWidth = 3;
        total.LegendText = "total cycles (stages overlap; memory can bound)";
        PlotTheme.LayerTicks(plot, layers.Select(l => l.Layer.Name).ToList(), Enumerable.Range(0, layers.Count).Select(i => (double)i).ToList());
        plot.ShowLegend(Alignment.UpperLeft);
        string stem = $"cycles_by_stage.{config.Label}";
        PlotTheme.Save(plot, folder, stem, PlotTheme.Wide);
        return new PlotFile(stem, config.Label, "Cycles by stage per layer",
            "Stacked busy cycles of the compute stages of each layer for STaMP (S), uniform A4 (4) and A8 (8). The stages run as a pipeline, " +
            "so the stack is work, not time: the black bar is the layer's total cycles, set by the busiest unit or memory plus the pipeline fill. " +
            "A total above its stack means the layer waits on memory.");
    }
}
