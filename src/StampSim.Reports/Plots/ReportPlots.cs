using StampSim.Reports.Run;

namespace StampSim.Reports.Plots;

/// <summary>Renders every plot of a report into its <c>plots/</c> folder (PNG and SVG); per config where the figure depends on the config.</summary>
public static class ReportPlots
{
    /// <summary>Renders the plots and returns them in report order.</summary>
    public static IReadOnlyList<PlotFile> Render(RunResult run, string reportFolder)
    {
        string folder = Path.Combine(reportFolder, Folder.ReportFiles.Plots);
        Directory.CreateDirectory(folder);
        var files = new List<PlotFile>();
        foreach (var config in run.Configs)
        {
            files.Add(CyclesByStagePlot.Render(run, config, folder));
            files.Add(EnergyByComponentPlot.Render(run, config, folder));
            files.Add(EnergySharesPlot.Render(run, config, folder));
            files.Add(SqnrPlot.Render(run, config, folder));
            files.Add(CompactionPlot.Render(run, config, folder));
            files.Add(RooflinePlot.Render(run, config, folder));
        }
        files.Add(AutocorrelationPlot.Render(run, folder));
        return files;
    }
}
