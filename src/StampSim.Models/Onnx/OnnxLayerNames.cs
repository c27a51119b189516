using System.Text.RegularExpressions;
using StampSim.Models.Linear;

namespace StampSim.Models.Onnx;

/// <summary>
/// Names, roles and block indices of ONNX linears, from initializer and node names. Exporters name
/// weights inconsistently (PyTorch's exporter leaves a transposed MatMul weight anonymous, e.g.
/// <c>927</c> or <c>onnx::MatMul_927</c>, but keeps the bias's module path), so the bias name is tried first.
/// </summary>
public static partial class OnnxLayerNames
{
    /// <summary>
    /// The layer's name: the first of <paramref name="candidates"/> (bias, then weight initializer names)
    /// that reads as a module path, without its <c>.bias</c>/<c>.weight</c> suffix; else <paramref name="nodeName"/>.
    /// </summary>
    public static string Name(IEnumerable<string?> candidates, string nodeName)
    {
        foreach (var c in candidates)
            if (c is not null && ModulePath().IsMatch(c))
                return SuffixPattern().Replace(c, "");
        return nodeName;
    }

    /// <summary>
    /// The role a module path tells, for BERT/ViT/GPT-style names: <c>attention.self.query</c> → <c>attn.q</c>,
    /// <c>key</c>, <c>value</c>, <c>attention.output.dense</c> → <c>attn.o</c>, <c>intermediate.dense</c> →
    /// <c>mlp.fc1</c>, <c>output.dense</c> → <c>mlp.fc2</c> (and the q_proj/fc1 spellings); else <c>linear</c>.
    /// </summary>
    public static LinearKind Kind(string name)
    {
        string n = name.ToLowerInvariant();
        bool Has(params string[] parts) => parts.Any(p => n.EndsWith(p, StringComparison.Ordinal));
        if (Has(".query", ".q_proj", ".wq")) return LinearKind.AttnQ;
        if (Has(".key", ".k_proj", ".wk")) return LinearKind.AttnK;
        if (Has(".value", ".v_proj", ".wv")) return LinearKind.AttnV;
        if (Has("attention.output.dense", ".o_proj", ".out_proj", ".wo")) return LinearKind.AttnO;
        if (Has("intermediate.dense", ".fc1")) return LinearKind.MlpFc1;
        if (Has("output.dense", ".fc2")) return LinearKind.MlpFc2;
        if (Has(".gate_proj", ".w1")) return LinearKind.MlpGate;
        if (Has(".up_proj", ".w3")) return LinearKind.MlpUp;
        if (Has(".down_proj", ".w2")) return LinearKind.MlpDown;
        return LinearKind.Linear;
    }

    /// <summary>The block index in a module path (<c>encoder.layer.3.attention…</c> → 3), or null.</summary>
    public static int? Block(string name)
    {
        var m = BlockPattern().Match(name);
        return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    // A dotted path with at least one letter-led component, not an exporter's numeric or onnx:: placeholder.
    [GeneratedRegex(@"^(?!onnx::)[A-Za-z_][\w]*(\.[\w]+)+$")]
    private static partial Regex ModulePath();

    [GeneratedRegex(@"\.(bias|weight)$")]
    private static partial Regex SuffixPattern();

    [GeneratedRegex(@"(?:^|\.)(?:layer|layers|h|blocks|block)\.(\d+)\.")]
    private static partial Regex BlockPattern();
}
