using System.Text.Json.Nodes;

namespace StampSim.Reports.Compare;

/// <summary>Flattens JSON into dotted keys and leaf values (<c>numerics.accumulator.acc_bits</c> → <c>32</c>); arrays stay whole as one leaf.</summary>
public static class JsonLeaves
{
    /// <summary>Every leaf of <paramref name="node"/>, by dotted key.</summary>
    public static SortedDictionary<string, string> Of(JsonNode? node)
    {
        var leaves = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Walk(node, "", leaves);
        return leaves;
    }

    private static void Walk(JsonNode? node, string key, SortedDictionary<string, string> leaves)
    {
        if (node is JsonObject o && o.Count > 0)
        {
            foreach (var (k, v) in o) Walk(v, key.Length == 0 ? k : $"{key}.{k}", leaves);
            return;
        }
        leaves[key] = node switch
        {
            null => "null",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => node.ToJsonString(),
        };
    }
}
