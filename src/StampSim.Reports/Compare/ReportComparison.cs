using System.Globalization;
using System.Text.Json.Nodes;

namespace StampSim.Reports.Compare;

/// <summary>
/// What changed between two reports: the trace, each config (effective keys, hashes, the values resolved
/// per layer from them), the totals of
/// STaMP, A4 and A8, and STaMP's per-layer figures. Configs are paired by position when each report
/// has one, else by label; unpaired ones are listed.
/// </summary>
/// <param name="A">The first report.</param>
/// <param name="B">The second report.</param>
/// <param name="Configs">The paired configs.</param>
/// <param name="ConfigsOnlyInA">Config labels only A has.</param>
/// <param name="ConfigsOnlyInB">Config labels only B has.</param>
public sealed record ReportComparison(ReportSnapshot A, ReportSnapshot B, IReadOnlyList<ConfigComparison> Configs,
    IReadOnlyList<string> ConfigsOnlyInA, IReadOnlyList<string> ConfigsOnlyInB)
{
    /// <summary>The total metrics compared, as (name, key under <c>totals.LABEL.VARIANT</c>).</summary>
    public static readonly IReadOnlyList<(string Name, string Key)> TotalMetrics =
    [
        ("cycles", "cycles"), ("DRAM bytes", "dram_bytes"), ("energy (pJ)", "energy_pj"),
        ("SQNR mean (dB)", "sqnr_db_mean"), ("SQNR pooled (dB)", "sqnr_db_pooled"), ("payload bits", "payload_bits"),
    ];

    /// <summary>Trace SHA-256 in A and B.</summary>
    public (string A, string B) TraceSha256 => (Text(A.Manifest["trace"]?["sha256"]), Text(B.Manifest["trace"]?["sha256"]));

    /// <summary>Trace name in A and B.</summary>
    public (string A, string B) TraceName => (Text(A.Manifest["trace"]?["name"]), Text(B.Manifest["trace"]?["name"]));

    /// <summary>Compares two loaded reports.</summary>
    public static ReportComparison Of(ReportSnapshot a, ReportSnapshot b)
    {
        var configsA = ConfigsOf(a);
        var configsB = ConfigsOf(b);
        var pairs = new List<(JsonObject A, JsonObject B)>();
        if (configsA.Count == 1 && configsB.Count == 1)
            pairs.Add((configsA[0], configsB[0]));
        else
            foreach (var ca in configsA)
                if (configsB.FirstOrDefault(cb => Text(cb["label"]) == Text(ca["label"])) is { } match)
                    pairs.Add((ca, match));
        var onlyA = configsA.Where(c => !pairs.Any(p => p.A == c)).Select(c => Text(c["label"])).ToList();
        var onlyB = configsB.Where(c => !pairs.Any(p => p.B == c)).Select(c => Text(c["label"])).ToList();
        return new ReportComparison(a, b, pairs.Select(p => Pair(a, b, p.A, p.B)).ToList(), onlyA, onlyB);
    }

    private static ConfigComparison Pair(ReportSnapshot a, ReportSnapshot b, JsonObject ca, JsonObject cb)
    {
        string la = Text(ca["label"]), lb = Text(cb["label"]);
        var keysA = JsonLeaves.Of(ca["effective"]);
        var keysB = JsonLeaves.Of(cb["effective"]);
        var changes = keysA.Keys.Union(keysB.Keys).Order(StringComparer.Ordinal)
            .Select(k => new KeyChange(k, keysA.GetValueOrDefault(k), keysB.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After).ToList();
        var totals = new Dictionary<string, IReadOnlyList<MetricDelta>>();
        foreach (var variant in new[] { "stamp", "a4", "a8" })
        {
            var ta = a.Result["totals"]?[la]?[variant];
            var tb = b.Result["totals"]?[lb]?[variant];
            totals[variant] = TotalMetrics.Select(m => new MetricDelta(m.Name, Number(ta?[m.Key]), Number(tb?[m.Key]))).ToList();
        }
        var layersA = LayersOf(a, la);
        var layersB = LayersOf(b, lb);
        var common = layersA.Keys.Where(layersB.ContainsKey).ToList();
        var layers = common.Select(name => new LayerDelta(name, LayerMetrics(layersA[name]).Zip(LayerMetrics(layersB[name]),
            (x, y) => new MetricDelta(x.Name, x.Value, y.Value)).ToList())).ToList();
        return new ConfigComparison(la, lb,
            (Text(ca["sha256"]), Text(cb["sha256"])), (Text(ca["effective_sha256"]), Text(cb["effective_sha256"])),
            changes, Resolved(common, layersA, layersB), totals, layers,
            layersA.Keys.Where(k => !layersB.ContainsKey(k)).ToList(), layersB.Keys.Where(k => !layersA.ContainsKey(k)).ToList());
    }

    // Per common layer, every resolved value that differs, grouped by the (A, B) pair of values in first-seen order.
    private static List<ResolvedChange> Resolved(List<string> common, Dictionary<string, JsonNode> layersA, Dictionary<string, JsonNode> layersB)
    {
        var groups = new List<((string Key, (string, string) A, (string, string) B) Pair, List<string> Layers)>();
        foreach (string name in common)
        {
            foreach (var (a, b) in ResolvedValues(layersA[name]).Zip(ResolvedValues(layersB[name])))
            {
                if (a.Resolved == b.Resolved) continue;
                var pair = (a.Key, (a.Configured, a.Resolved), (b.Configured, b.Resolved));
                int i = groups.FindIndex(g => g.Pair == pair);
                if (i < 0) groups.Add((pair, [name]));
                else groups[i].Layers.Add(name);
            }
        }
        return groups.Select(g => new ResolvedChange(g.Pair.Key, g.Pair.A, g.Pair.B, g.Layers)).ToList();
    }

    // What a layer record resolved from its configuration: the transform levels (auto or given) and STaMP's mapping.
    private static IEnumerable<(string Key, string Configured, string Resolved)> ResolvedValues(JsonNode layer)
    {
        var config = layer["config"];
        yield return ("numerics.levels", Text(config?["numerics"]?["levels"]), Text(layer["levels"]));
        var mapping = config?["mapping"];
        string configured = mapping?["loop_order"] is null ? $"search{(mapping?["objective"] is { } o ? $" ({Text(o)})" : "")}" : "given";
        var m = layer["cost"]?["mapping"];
        yield return ("mapping", configured, m is null ? "infeasible"
            : $"{Text(m["loop_order"])} Tm={Text(m["tile_tokens"])} Tn={Text(m["tile_outputs"])} Tk={Text(m["tile_features"])}");
    }

    private static IEnumerable<(string Name, double Value)> LayerMetrics(JsonNode layer) =>
    [
        ("cycles", Number(layer["cost"]?["cycles"]?["total"])),
        ("DRAM bytes", Number(layer["cost"]?["dram"]?["read_bytes"]) + Number(layer["cost"]?["dram"]?["write_bytes"])),
        ("energy (pJ)", Number(layer["cost"]?["energy_pj"]?["total"])),
        ("SQNR (dB)", Number(layer["sqnr_db"])),
    ];

    private static List<JsonObject> ConfigsOf(ReportSnapshot r) =>
        (r.Result["configs"] as JsonArray ?? []).OfType<JsonObject>().ToList();

    // Layers in report order; the first record wins if a name repeats.
    private static Dictionary<string, JsonNode> LayersOf(ReportSnapshot r, string label)
    {
        var layers = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var layer in (r.Result["layers"] as JsonArray ?? []).OfType<JsonObject>())
            if (Text(layer["config_label"]) == label) layers.TryAdd(Text(layer["layer"]), layer);
        return layers;
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";

    // JSON numbers, or the strings "inf", "-inf" and "nan" that reports write for non-finite values.
    private static double Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) => s switch
        {
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            _ => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN,
        },
        _ => double.NaN,
    };
}
