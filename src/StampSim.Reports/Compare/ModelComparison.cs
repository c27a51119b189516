using System.Text.Json.Nodes;

namespace StampSim.Reports.Compare;

/// <summary>
/// Two model reports (<c>stampsim model</c>) side by side: the model and request of each, and per config both hold
/// and per variant the headline figures (TTFT, TPOT, tokens/s, energy per token of each phase or per image, DRAM
/// traffic and footprint), A and B. A figure an infeasible variant lacks is null.
/// </summary>
/// <param name="A">The first report.</param>
/// <param name="B">The second report.</param>
/// <param name="Model">The model of each (name; request).</param>
/// <param name="Rows">Config, variant, figure, A, B.</param>
/// <param name="ConfigsOnlyInA">Config labels only in A.</param>
/// <param name="ConfigsOnlyInB">Config labels only in B.</param>
public sealed record ModelComparison(ReportSnapshot A, ReportSnapshot B, (string A, string B) Model,
    IReadOnlyList<(string Config, string Variant, string Figure, double? Before, double? After)> Rows,
    IReadOnlyList<string> ConfigsOnlyInA, IReadOnlyList<string> ConfigsOnlyInB)
{
    private static readonly (string Name, string[] Path)[] Figures =
    [
        ("ttft_s", ["ttft_s"]), ("tpot_s", ["tpot_s"]), ("tokens_per_s", ["tokens_per_s"]),
        ("prefill.energy_per_token_j", ["prefill", "energy_per_token_j"]), ("decode.energy_per_token_j", ["decode", "energy_per_token_j"]),
        ("energy_per_image_j", ["energy_per_image_j"]), ("dram_bytes", ["dram_bytes"]), ("dram_footprint.total_bytes", ["dram_footprint", "total_bytes"]),
    ];

    /// <summary>Compares two model reports.</summary>
    /// <exception cref="InputException">Either is not a model report.</exception>
    public static ModelComparison Of(ReportSnapshot a, ReportSnapshot b)
    {
        foreach (var s in new[] { a, b })
            if (!s.IsModel) throw new InputException($"{s.Folder}: a run report; compare needs two run reports or two model reports, not one of each");
        var ca = a.Result["configs"]!.AsObject();
        var cb = b.Result["configs"]!.AsObject();
        var rows = new List<(string, string, string, double?, double?)>();
        foreach (var (label, configA) in ca)
        {
            if (cb[label] is not JsonObject configB) continue;
            foreach (var (variant, va) in configA!["variants"]!.AsObject())
            {
                var vb = configB["variants"]![variant];
                foreach (var (name, path) in Figures)
                {
                    double? x = Value(va, path), y = Value(vb, path);
                    if (x is not null || y is not null) rows.Add((label, variant, name, x, y));
                }
            }
        }
        return new ModelComparison(a, b, (Describe(a.Result), Describe(b.Result)), rows,
            ca.Select(c => c.Key).Where(k => cb[k] is null).ToList(), cb.Select(c => c.Key).Where(k => ca[k] is null).ToList());
    }

    private static double? Value(JsonNode? node, string[] path)
    {
        foreach (var key in path) node = node?[key];
        return node is JsonValue v && v.TryGetValue<double>(out double d) ? d : null;
    }

    private static string Describe(JsonObject result)
    {
        var r = result["request"]!;
        return $"{(string?)result["model"]!["name"]}: prompt {(int?)r["prompt"]}, decode {(int?)r["decode"]}, batch {(int?)r["batch"]}, steps {(int?)r["steps"]}";
    }
}
