using System.Globalization;

namespace StampSim.Hardware;

/// <summary>Byte counts as people read them.</summary>
public static class ByteSize
{
    /// <summary>Formats a byte count with a binary prefix (<c>256 KiB</c>).</summary>
    public static string Format(double bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 30):0.##} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 20):0.##} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 10):0.##} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B"),
    };
}
