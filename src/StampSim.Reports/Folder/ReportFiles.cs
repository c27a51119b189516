namespace StampSim.Reports.Folder;

/// <summary>The fixed names inside a report folder.</summary>
public static class ReportFiles
{
    /// <summary>The human-readable report.</summary>
    public const string Markdown = "report.md";

    /// <summary>The report as one self-contained web page (report.md's content, sortable tables, inline plots).</summary>
    public const string Html = "report.html";

    /// <summary>One row per layer x config x numerics.</summary>
    public const string LayersCsv = "layers.csv";

    /// <summary>Everything, as JSON.</summary>
    public const string ResultJson = "result.json";

    /// <summary>Provenance and the hash of every other file; written last.</summary>
    public const string ManifestJson = "manifest.json";

    /// <summary>Folder of the PNG and SVG plots.</summary>
    public const string Plots = "plots";
}
