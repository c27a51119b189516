using System.Globalization;

namespace StampSim.Cli.Commands;

/// <summary>How numbers look in command output (invariant culture, so output is the same everywhere).</summary>
internal static class Formatting
{
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

    public static string Percent(double fraction) => double.IsNaN(fraction) ? "n/a" : Fixed(100 * fraction, 1) + "%";

    public static string Fixed(double v, int decimals) =>
        double.IsNaN(v) ? "n/a" : v.ToString("F" + decimals, CultureInfo.InvariantCulture);

    public static string General(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A duration to the second: <c>42s</c>, <c>1m02s</c>, <c>2h05m</c>.</summary>
    public static string Duration(TimeSpan t)
    {
        long s = (long)Math.Round(Math.Max(0, t.TotalSeconds));
        return s < 60 ? $"{s}s" : s < 3600 ? $"{s / 60}m{s % 60:00}s" : $"{s / 3600}h{s / 60 % 60:00}m";
    }
}
