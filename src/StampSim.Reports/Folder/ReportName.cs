using StampSim.Reports.Provenance;

namespace StampSim.Reports.Folder;

/// <summary>
/// The default report folder, <c>reports/&lt;trace&gt;-&lt;configs&gt;-&lt;yyyyMMdd-HHmmss&gt;</c> (UTC start time).
/// Several configs are joined with <c>+</c>; when that would exceed <see cref="MaxConfigPart"/>
/// characters, the part becomes <c>&lt;count&gt;configs-&lt;8 hex digits of the SHA-256 of the joined labels&gt;</c>.
/// </summary>
public static class ReportName
{
    /// <summary>Directory, relative to the working directory, that holds default report folders.</summary>
    public const string Root = "reports";

    /// <summary>Longest config part spelled out in full.</summary>
    public const int MaxConfigPart = 48;

    /// <summary>The default folder for a run of <paramref name="trace"/> on configs <paramref name="labels"/> started at <paramref name="started"/>.</summary>
    public static string Default(string trace, IReadOnlyList<string> labels, DateTimeOffset started)
    {
        string joined = string.Join('+', labels);
        string configs = joined.Length <= MaxConfigPart ? joined : $"{labels.Count}configs-{Sha256.OfText(joined)[..8]}";
        return Path.Combine(Root, $"{trace}-{configs}-{started.UtcDateTime:yyyyMMdd-HHmmss}");
    }
}
