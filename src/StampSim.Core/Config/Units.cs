using System.Globalization;
using System.Text.RegularExpressions;

namespace StampSim.Config;

/// <summary>
/// Quantities with units in configs: sizes (<c>256 KiB</c>), bandwidths (<c>25.6 GB/s</c>,
/// <c>64 B/cycle</c>), frequencies (<c>1.2 GHz</c>). Unknown units are rejected, never guessed.
/// Decimal prefixes are powers of 1000, binary prefixes (KiB, MiB, GiB) powers of 1024.
/// </summary>
public static partial class Units
{
    private static readonly Dictionary<string, double> SizeUnits = new(StringComparer.Ordinal)
    {
        ["B"] = 1, ["KB"] = 1e3, ["MB"] = 1e6, ["GB"] = 1e9,
        ["KiB"] = 1024, ["MiB"] = 1024 * 1024, ["GiB"] = 1024.0 * 1024 * 1024,
    };

    private static readonly Dictionary<string, double> RateUnits = new(StringComparer.Ordinal)
    {
        ["B/s"] = 1, ["KB/s"] = 1e3, ["MB/s"] = 1e6, ["GB/s"] = 1e9, ["TB/s"] = 1e12,
        ["KiB/s"] = 1024, ["MiB/s"] = 1024 * 1024, ["GiB/s"] = 1024.0 * 1024 * 1024,
    };

    private static readonly Dictionary<string, double> FrequencyUnits = new(StringComparer.Ordinal)
    {
        ["Hz"] = 1e-9, ["kHz"] = 1e-6, ["MHz"] = 1e-3, ["GHz"] = 1,
    };

    /// <summary>A size in bytes; a plain number means bytes.</summary>
    public static long Bytes(string text)
    {
        var (value, unit) = Split(text);
        double factor = unit.Length == 0 ? 1 : SizeUnits.TryGetValue(unit, out var f) ? f : throw Unknown(unit, SizeUnits.Keys);
        double bytes = value * factor;
        if (bytes < 0 || bytes > long.MaxValue || bytes != Math.Floor(bytes))
            throw new FormatException($"'{text}' is not a whole number of bytes");
        return (long)bytes;
    }

    /// <summary>A bandwidth in bytes per second (units B/s .. TB/s).</summary>
    public static double BytesPerSecond(string text)
    {
        var (value, unit) = Split(text);
        if (unit.Length == 0) throw new FormatException($"'{text}' needs a unit (e.g. 25.6 GB/s)");
        return value * (RateUnits.TryGetValue(unit, out var f) ? f : throw Unknown(unit, RateUnits.Keys));
    }

    /// <summary>An on-chip bandwidth in bytes per cycle; a plain number or <c>N B/cycle</c>.</summary>
    public static double BytesPerCycle(string text)
    {
        var (value, unit) = Split(text);
        if (unit.Length != 0 && unit != "B/cycle") throw Unknown(unit, ["B/cycle"]);
        return value;
    }

    /// <summary>A frequency in GHz; a plain number means GHz.</summary>
    public static double Gigahertz(string text)
    {
        var (value, unit) = Split(text);
        return unit.Length == 0 ? value : value * (FrequencyUnits.TryGetValue(unit, out var f) ? f : throw Unknown(unit, FrequencyUnits.Keys));
    }

    private static (double Value, string Unit) Split(string text)
    {
        var m = QuantityPattern().Match(text.Trim());
        if (!m.Success || !double.TryParse(m.Groups[1].Value.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || v < 0)
            throw new FormatException($"expected a non-negative number with an optional unit, got '{text}'");
        return (v, m.Groups[2].Value);
    }

    private static FormatException Unknown(string unit, IEnumerable<string> known)
    {
        var list = known.ToList();
        string? hint = DidYouMean.Closest(unit, list);
        return new FormatException($"unknown unit '{unit}' (accepted: {string.Join(", ", list)})" + (hint is null ? "" : $"; did you mean '{hint}'?"));
    }

    [GeneratedRegex(@"^([0-9][0-9_]*(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)\s*([A-Za-z/]*)$")]
    private static partial Regex QuantityPattern();
}
