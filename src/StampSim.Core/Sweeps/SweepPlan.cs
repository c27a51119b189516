using System.Text.Json.Nodes;
using StampSim.Config;
using StampSim.Traces.Synthetic;

namespace StampSim.Sweeps;

/// <summary>
/// Expands a spec into its points: the grid of every base config and trace (or a seeded random
/// draw from it), each point's config loaded and validated, and the points that break a constraint
/// left out. Point indices are positions in the full grid, so a shard, a resumed run and a single
/// run agree on them.
/// </summary>
public static class SweepPlan
{
    /// <summary>Expands <paramref name="spec"/>; <paramref name="configs"/> are the parsed base configs (one per spec config).</summary>
    /// <exception cref="InputException">An axis value is not valid for its key, or a constraint reads an unknown or non-numeric key.</exception>
    public static IReadOnlyList<SweepPoint> Expand(SweepSpec spec, IReadOnlyList<(ConfigMap Tree, string Source)> configs)
    {
        long grid = spec.GridSize;
        var gridIndices = spec.Sampling.Random is int count && count < grid ? Draw(grid, count, spec.Sampling.Seed) : null;
        var points = new List<SweepPoint>();
        for (int ci = 0; ci < spec.Configs.Count; ci++)
        {
            for (int ti = 0; ti < spec.Workloads; ti++)
            {
                long offset = ((long)ci * spec.Workloads + ti) * grid;
                foreach (long g in gridIndices ?? Enumerable.Range(0, checked((int)grid)).Select(i => (long)i))
                {
                    var values = Decode(spec, g);
                    var sets = spec.Sets.Concat(spec.Axes.Select((a, k) => $"{a.Key}={values[k]}")).ToArray();
                    StampConfig config;
                    try { config = StampConfig.FromTree(configs[ci].Tree, sets); }
                    catch (InputException e) { throw new InputException($"{spec.Source}: point {offset + g} ({Describe(spec, values)}) on {configs[ci].Source}: {e.Message}", e); }
                    if (config.Accelerator is null)
                        throw new InputException($"{spec.Source}: {configs[ci].Source} has no accelerator description; a sweep needs the cost model");
                    if (Admissible(spec, config))
                        points.Add(new SweepPoint(offset + g, ci, ti, values, config));
                }
            }
        }
        return points;
    }

    /// <summary><c>key=value</c> pairs of a point, for messages and plots.</summary>
    public static string Describe(SweepSpec spec, IReadOnlyList<string> values) =>
        string.Join(", ", spec.Axes.Select((a, k) => $"{a.Key}={values[k]}"));

    private static string[] Decode(SweepSpec spec, long g)
    {
        var values = new string[spec.Axes.Count];
        for (int k = spec.Axes.Count - 1; k >= 0; k--)
        {
            int size = spec.Axes[k].Values.Count;
            values[k] = spec.Axes[k].Values[(int)(g % size)];
            g /= size;
        }
        return values;
    }

    private static long[] Draw(long grid, int count, ulong seed)
    {
        // Floyd's algorithm: count distinct indices, uniformly, in O(count).
        var random = new Xoshiro256(seed);
        var chosen = new HashSet<long>();
        for (long j = grid - count; j < grid; j++)
        {
            long t = (long)random.Below((ulong)j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }
        return chosen.Order().ToArray();
    }

    private static bool Admissible(SweepSpec spec, StampConfig config)
    {
        if (spec.Constraints.Count == 0) return true;
        var effective = ConfigJson.Effective(config);
        return spec.Constraints.All(c => c.Holds(key => Value(effective, key, c.Text, spec.Source)));
    }

    private static double Value(JsonObject effective, string key, string constraint, string source)
    {
        JsonNode? node = effective;
        foreach (var part in key.Split('.'))
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
        if (node is JsonValue v && v.TryGetValue(out double d)) return d;
        throw new InputException($"{source}: constraint '{constraint}': '{key}' is {(node is null ? "not a config key" : "not a number")}");
    }
}
