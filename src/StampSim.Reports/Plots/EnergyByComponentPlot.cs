using ScottPlot;
using StampSim.Numerics;
using StampSim.Reports.Run;

namespace StampSim.Reports.Plots;

/// <summary>Energy by component per layer, STaMP vs A4 vs A8.</summary>
internal static class EnergyByComponentPlot
{
    public static PlotFile Render(RunResult run, ConfigSpec config, string folder)
    {
        var plot = PlotTheme.Create($"Energy by component per layer: {config.Label} (bars S = STaMP, 4 = A4, 8 = A8)", "layer", "energy (uJ)");
        var layers = run.Layers;
        GroupedStackedBars.Add(plot, layers.Count, Writers.LayersCsv.Components, c => ConfigNames.Of(c), (i, v, component) =>
        {
            var cost = layers[i].On(config.Label).CostOf(v);
            return cost.Feasible ? cost.EnergyByComponentPj.GetValueOrDefault(component) / 1e6 : double.NaN;
        });
        PlotTheme.LayerTicks(plot, layers.Select(l => l.Layer.Name).ToList(), Enumerable.Range(0, layers.Count).Select(i => (double)i).ToList());
        plot.ShowLegend(Alignment.UpperLeft);
        string stem = $"energy_by_component.{config.Label}";
        PlotTheme.Save(plot, folder, stem, PlotTheme.Wide);
        return new PlotFile(stem, config.Label, "Energy by component per layer",
            "Energy of each layer split into MACs, the sequence transform (dwt), quantizer, epilogue, DRAM and SRAM, for STaMP (S), A4 (4) and A8 (8). " +
            "The stack height is the layer's energy.");
    }
}
