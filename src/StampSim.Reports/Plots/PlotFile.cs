namespace StampSim.Reports.Plots;

/// <summary>A rendered plot: the same figure as PNG and SVG under <c>plots/</c>, with what report.md says about it.</summary>
/// <param name="Stem">File name without extension, e.g. <c>roofline.edge-npu</c>.</param>
/// <param name="Config">Config label the plot belongs to.</param>
/// <param name="Title">Heading in report.md.</param>
/// <param name="Caption">What the plot shows and how to read it.</param>
public sealed record PlotFile(string Stem, string Config, string Title, string Caption)
{
    /// <summary>Path of the PNG relative to the report folder.</summary>
    public string Png => $"{Folder.ReportFiles.Plots}/{Stem}.png";

    /// <summary>Path of the SVG relative to the report folder.</summary>
    public string Svg => $"{Folder.ReportFiles.Plots}/{Stem}.svg";
}
