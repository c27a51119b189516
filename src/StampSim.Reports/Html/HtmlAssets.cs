namespace StampSim.Reports.Html;

/// <summary>The stylesheet and script every report.html inlines, embedded in the assembly from <c>Html/report.css</c> and <c>Html/report.js</c>.</summary>
public static class HtmlAssets
{
    /// <summary>The stylesheet.</summary>
    public static string Css => Read("StampSim.Reports.Html.report.css");

    /// <summary>The script: sortable tables and the Pareto plot's design-point panel.</summary>
    public static string Script => Read("StampSim.Reports.Html.report.js");

    private static string Read(string name)
    {
        using var stream = typeof(HtmlAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is not embedded in StampSim.Reports");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
