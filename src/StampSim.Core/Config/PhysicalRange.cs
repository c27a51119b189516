using System.Globalization;

namespace StampSim.Config;

/// <summary>
/// The range a quantity of real hardware can take, checked at load so that a slip of the exponent
/// (<c>clock_ghz: 1e30</c>) is refused instead of turning into a design 10^20 times faster than the
/// memory behind it. Bounds are generous (beyond any built or announced part) and in the key's base unit.
/// </summary>
/// <param name="Min">The smallest physical value.</param>
/// <param name="Max">The largest physical value.</param>
/// <param name="Unit">The base unit, as written after a value.</param>
/// <param name="What">What is bounded, for the message.</param>
public sealed record PhysicalRange(double Min, double Max, string Unit, string What)
{
    /// <summary>A MAC array's clock: 1 MHz to 20 GHz.</summary>
    public static PhysicalRange Clock { get; } = new(1e-3, 20, "GHz", "a clock");

    /// <summary>DRAM bandwidth: 1 MB/s to 100 TB/s.</summary>
    public static PhysicalRange DramBandwidth { get; } = new(1e6, 1e14, "B/s", "a DRAM bandwidth");

    /// <summary>DRAM capacity: 1 MiB to 64 TiB (a whole multi-socket server's memory).</summary>
    public static PhysicalRange DramCapacity { get; } = new(1 << 20, 64.0 * (1L << 40), "B", "a DRAM capacity");

    /// <summary>An on-chip buffer's capacity: 1 B to 64 GiB (wafer-scale SRAM is about 44 GB).</summary>
    public static PhysicalRange BufferCapacity { get; } = new(1, 64.0 * (1L << 30), "B", "an on-chip buffer");

    /// <summary>An on-chip port's bandwidth: up to 1 MiB per cycle.</summary>
    public static PhysicalRange PortBandwidth { get; } = new(double.Epsilon, 1 << 20, "B/cycle", "an on-chip port");

    /// <summary>Checks <paramref name="value"/> of <paramref name="key"/> in <paramref name="section"/>.</summary>
    /// <exception cref="InputException">It is outside the range; the message names the key, the value and the range in the key's unit.</exception>
    public void Check(ConfigSection section, string key, double value)
    {
        if (value >= Min && value <= Max) return;
        throw section.Error(key, $"{G(value)} {Unit} is out of range for {What} ({(Min <= double.Epsilon ? "above 0" : "at least " + G(Min) + " " + Unit)}, at most {G(Max)} {Unit})");
    }

    private static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
