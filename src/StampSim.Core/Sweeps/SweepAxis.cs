using System.Globalization;
using StampSim.Config;

namespace StampSim.Sweeps;

/// <summary>One swept config key and the values it takes, as config text (units allowed).</summary>
/// <param name="Key">Dotted config key, e.g. <c>mac_array.rows</c>.</param>
/// <param name="Values">Values in order; each is applied as <c>--set key=value</c>.</param>
public sealed record SweepAxis(string Key, IReadOnlyList<string> Values)
{
    /// <summary>
    /// Reads an axis: a list (<c>[8, 16, 32]</c>), a linear range
    /// (<c>{from: 64, to: 512, step: 64, unit: KiB}</c>) or a geometric one
    /// (<c>{log_from: 6.4, log_to: 102.4, steps: 5, unit: GB/s}</c>). Ranges whose ends and step are
    /// integers produce integers; a geometric range of integer ends is rounded to integers.
    /// </summary>
    public static SweepAxis Read(string key, ConfigNode node, ConfigSection parent)
    {
        switch (node)
        {
            case ConfigList list:
                if (list.Items.Count == 0) throw parent.Error(key, "an axis needs at least one value");
                return new SweepAxis(key, list.Items.Select(i => i is ConfigScalar s ? s.Text : throw parent.Error(key, $"axis values must be scalars, found {i.KindName}")).ToArray());
            case ConfigMap:
                return new SweepAxis(key, Range(key, parent.Section(key)));
            case ConfigScalar s:
                return new SweepAxis(key, [s.Text]);
            default:
                throw parent.Error(key, $"expected a list of values or a range, found {node.KindName}");
        }
    }

    private static IReadOnlyList<string> Range(string key, ConfigSection r)
    {
        string unit = r.String("unit", null) is { } u ? " " + u : "";
        List<string> values;
        if (r.Has("log_from") || r.Has("log_to"))
        {
            double from = r.RequiredDouble("log_from", double.Epsilon, double.MaxValue);
            double to = r.RequiredDouble("log_to", double.Epsilon, double.MaxValue);
            int steps = r.RequiredInt("steps", 2, 1_000_000);
            bool integers = from == Math.Floor(from) && to == Math.Floor(to);
            values = Enumerable.Range(0, steps).Select(i => from * Math.Pow(to / from, i / (double)(steps - 1)))
                .Select(v => integers ? Math.Round(v).ToString(CultureInfo.InvariantCulture) : v.ToString("G6", CultureInfo.InvariantCulture))
                .Distinct().Select(v => v + unit).ToList();
        }
        else
        {
            double from = r.RequiredDouble("from", double.MinValue, double.MaxValue);
            double to = r.RequiredDouble("to", double.MinValue, double.MaxValue);
            double step = r.RequiredDouble("step", double.Epsilon, double.MaxValue);
            if (to < from) throw r.Error("to", $"must not be below from ({from.ToString(CultureInfo.InvariantCulture)})");
            long count = (long)Math.Floor((to - from) / step + 1e-9) + 1;
            if (count > 1_000_000) throw r.Error("step", $"gives {count} values; at most 1000000");
            values = Enumerable.Range(0, (int)count).Select(i => (from + i * step).ToString("G10", CultureInfo.InvariantCulture) + unit).ToList();
        }
        r.RejectUnknownKeys();
        return values;
    }
}
