using System.Text.RegularExpressions;
using StampSim.Tests.Support;

namespace StampSim.Tests;

/// <summary>One formatter per kind of figure: a second, hand-written format drifts (an infinite SQNR once printed as "Infinity dB").</summary>
public partial class FormattingRulesTests
{
    // An interpolation hole with a numeric format followed by " dB": {x:0.00} dB, {x:F2} dB, {x:0.##} dB.
    [GeneratedRegex(@"\{[^{}]*:[^{}]*\}\s*dB")]
    private static partial Regex FormattedDb();

    [Fact]
    public void A_dB_figure_is_formatted_only_by_Display_Db()
    {
        string src = Path.Combine(SharedData.RepoRoot(), "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => FormattedDb().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(src, x.f)}:{x.i + 1}").ToList();
        Assert.True(offenders.Count == 0, $"format dB with Reports.Writers.Display.Db (inf, n/a, two decimals): {string.Join(", ", offenders)}");
    }
}
