using ScottPlot;
using StampSim.Evaluation;
using StampSim.Hardware;
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
        var totals = run.Totals.First(t => t.Label == config.Label);
        // Each legend entry carries the component's share of the total energy (S, 4, 8): the small ones are too thin to see as bars.
        string Legend(CostComponent c) =>
            $"{ConfigNames.Of(c)}: {string.Join(" / ", Variants.All.Select(v => Writers.Display.SharePercent(totals.ByVariant[v].EnergySharePercent(c))))} (S / 4 / 8)";
        GroupedStackedBars.Add(plot, layers.Count, Writers.LayersCsv.Components, Legend, (i, v, component) =>
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
            "The stack height is the layer's energy; the legend gives each component's share of the total energy over all layers " +
            "(S / 4 / 8), and the energy-share plot shows the small components on a log scale.");
    }
}
