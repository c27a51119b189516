using System.Globalization;

namespace StampSim.Reports.Writers;

/// <summary>
/// How numbers look to people: console output, tables, plots and report.md (invariant culture, the same
/// everywhere). The one formatter of human-readable figures; machine-read files use their own schemas.
/// </summary>
public static class Display
{
    /// <summary>Thousands-separated integer.</summary>
    public static string Count(double v) => double.IsFinite(v) ? v.ToString("N0", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>Fixed decimals; NaN as <c>n/a</c>, infinity as <c>inf</c>.</summary>
    public static string Fixed(double v, int decimals) =>
        double.IsNaN(v) ? "n/a" : double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf") : v.ToString("N" + decimals, CultureInfo.InvariantCulture);

    /// <summary>A ratio with two decimals.</summary>
    public static string Ratio(double v) => Fixed(v, 2);

    /// <summary>dB with two decimals (an exact result is <c>inf</c>).</summary>
    public static string Db(double v) => Fixed(v, 2);

    /// <summary>A signed difference with two decimals.</summary>
    public static string Delta(double v) => double.IsFinite(v) && v > 0 ? "+" + Fixed(v, 2) : Fixed(v, 2);

    /// <summary>Picojoules as microjoules with three decimals.</summary>
    public static string Microjoules(double pj) => Fixed(pj / 1e6, 3);

    /// <summary>A fraction as a percentage with one decimal.</summary>
    public static string Percent(double fraction) => double.IsNaN(fraction) ? "n/a" : Fixed(100 * fraction, 1) + "%";

    /// <summary>Four significant digits (<c>G4</c>), for values of any magnitude.</summary>
    public static string General(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A size in bytes with a binary unit and one decimal (<c>812 B</c>, <c>1.5 KiB</c>, <c>2.0 GiB</c>).</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.Length - 1)
        {
            v /= 1024;
            u++;
        }
        return u == 0 ? $"{bytes} B" : string.Create(CultureInfo.InvariantCulture, $"{v:0.0} {units[u]}");
    }

    /// <summary>A duration to the second: <c>42s</c>, <c>1m02s</c>, <c>2h05m</c>.</summary>
    public static string Duration(TimeSpan t)
    {
        long s = (long)Math.Round(Math.Max(0, t.TotalSeconds));
        return s < 60 ? $"{s}s" : s < 3600 ? $"{s / 60}m{s % 60:00}s" : $"{s / 3600}h{s / 60 % 60:00}m";
    }

    /// <summary>A percentage with three significant digits however small (<c>61.2</c>, <c>1.39</c>, <c>0.0212</c>), and a percent sign.</summary>
    public static string SharePercent(double percent) =>
        !double.IsFinite(percent) ? "n/a" : percent == 0 ? "0%"
        : Fixed(percent, Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(percent))), 0, 9)) + "%";
}
