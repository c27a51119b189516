using System.Text.RegularExpressions;

namespace StampSim.Traces;

/// <summary>
/// Selects trace layers with <c>--layers</c>: comma-separated glob patterns (<c>*</c> any run of
/// characters, dots included; <c>?</c> one character), each matched against a layer's name and its kind.
/// </summary>
public static class LayerSelection
{
    /// <summary>The layers matching any pattern, in manifest order; every layer when <paramref name="patterns"/> is null or empty.</summary>
    /// <param name="manifest">The trace's manifest.</param>
    /// <param name="patterns">Comma-separated globs.</param>
    /// <param name="where">How messages name the trace.</param>
    /// <param name="source">Where the patterns came from, for messages (the option, or a spec file's key).</param>
    /// <exception cref="InputException">A pattern matches no layer.</exception>
    public static IReadOnlyList<TraceLayer> Select(TraceManifest manifest, string? patterns, string where, string source = "--layers")
    {
        if (string.IsNullOrWhiteSpace(patterns)) return manifest.Layers;
        var globs = patterns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => (Text: p, Regex: ToRegex(p))).ToArray();
        foreach (var g in globs)
        {
            if (!manifest.Layers.Any(l => Matches(g.Regex, l)))
                throw new InputException($"{source}: '{g.Text}' matches no layer of {where} (layers: {TraceManifest.NameList(manifest.Layers.Select(l => l.Name))})");
        }
        return manifest.Layers.Where(l => globs.Any(g => Matches(g.Regex, l))).ToArray();
    }

    private static bool Matches(Regex glob, TraceLayer layer) => glob.IsMatch(layer.Name) || glob.IsMatch(layer.Kind);

    private static Regex ToRegex(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
}
