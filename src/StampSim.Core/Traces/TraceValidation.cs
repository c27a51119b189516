namespace StampSim.Traces;

/// <summary>
/// Checks a manifest against the tensors a file holds, before anything is read: every referenced
/// key present, float dtypes, activations <c>(s, d)</c>, weights <c>(n, d)</c>, bias <c>(n)</c>, grids that fit.
/// </summary>
internal static class TraceValidation
{
    /// <summary>The dtypes a safetensors trace may hold.</summary>
    public static IReadOnlySet<ElementType> TraceTypes { get; } =
        new HashSet<ElementType> { ElementType.Float32, ElementType.Float16, ElementType.BFloat16 };

    /// <param name="manifest">The manifest to check.</param>
    /// <param name="tensors">The file's tensors by key.</param>
    /// <param name="where">The file, for messages.</param>
    /// <param name="allowed">Element types accepted; null accepts every float type.</param>
    public static void Check(TraceManifest manifest, IReadOnlyDictionary<string, TraceTensorInfo> tensors, string where, IReadOnlySet<ElementType>? allowed)
    {
        foreach (var layer in manifest.Layers)
        {
            string at = $"{where}: layer '{layer.Name}'";
            var x = Require(tensors, layer.Activation, "activation", at, allowed);
            if (x.Shape.Length != 2 || x.Shape[0] == 0 || x.Shape[1] == 0)
                throw new InputException($"{x.Where}: activations of layer '{layer.Name}' must be a non-empty (s, d) matrix, got shape {x.ShapeText}");
            RequireFits(x, layer);
            long s = x.Shape[0], d = x.Shape[1];
            if (layer.Grid is { } grid && grid.Count + layer.Prefix != s)
                throw new InputException($"{at}: grid {grid} plus {layer.Prefix} prefix tokens is {grid.Count + layer.Prefix} tokens, but the activations have s = {s}");
            if (layer.Weight is null) continue;
            var w = Require(tensors, layer.Weight, "weight", at, allowed);
            if (w.Shape.Length != 2 || w.Shape[0] == 0 || w.Shape[1] != d)
                throw new InputException($"{w.Where}: weight of layer '{layer.Name}' must be (n, {d}) to match activations {x.ShapeText}, got shape {w.ShapeText}");
            RequireFits(w, layer);
            if (layer.Bias is null) continue;
            var b = Require(tensors, layer.Bias, "bias", at, allowed);
            if (b.Shape.Length != 1 || b.Shape[0] != w.Shape[0])
                throw new InputException($"{b.Where}: bias of layer '{layer.Name}' must be ({w.Shape[0]}) to match weight {w.ShapeText}, got shape {b.ShapeText}");
        }
    }

    private static TraceTensorInfo Require(IReadOnlyDictionary<string, TraceTensorInfo> tensors, string key, string role, string at,
        IReadOnlySet<ElementType>? allowed)
    {
        if (!tensors.TryGetValue(key, out var t))
            throw new InputException($"{at}: {role} key '{key}' is not in the file (tensors: {TraceManifest.NameList(tensors.Keys.Order(StringComparer.Ordinal))})");
        if (!ElementTypes.IsFloat(t.Type) || (allowed is not null && !allowed.Contains(t.Type)))
            throw new InputException($"{t.Where}: dtype {t.DType} is not a trace dtype (expected " +
                                     (allowed is null ? "a float type: f2, f4 or f8" : "F32, F16 or BF16") + ")");
        return t;
    }

    // The engine holds tensors in arrays indexed by int.
    private static void RequireFits(TraceTensorInfo t, TraceLayer layer)
    {
        if (t.Count > Array.MaxLength || t.Shape.Any(dim => dim > int.MaxValue))
            throw new InputException($"{t.Where}: shape {t.ShapeText} of layer '{layer.Name}' is too large for one in-memory array");
    }
}
