namespace StampSim.Reports.Compare;

/// <summary>A config of report A compared with its counterpart in report B.</summary>
/// <param name="LabelA">Label in A.</param>
/// <param name="LabelB">Label in B.</param>
/// <param name="FileSha256">Config file SHA-256 in A and B.</param>
/// <param name="EffectiveSha256">Effective-config SHA-256 in A and B.</param>
/// <param name="Keys">Effective-config keys that differ.</param>
/// <param name="Resolved">Values resolved per layer (levels, mapping) that differ, grouped by the pair of values.</param>
/// <param name="Totals">Totals by variant key (<c>stamp</c>, <c>a4</c>, <c>a8</c>).</param>
/// <param name="Layers">STaMP per-layer figures of the layers in both reports.</param>
/// <param name="LayersOnlyInA">Layers only report A ran.</param>
/// <param name="LayersOnlyInB">Layers only report B ran.</param>
public sealed record ConfigComparison(string LabelA, string LabelB, (string A, string B) FileSha256, (string A, string B) EffectiveSha256,
    IReadOnlyList<KeyChange> Keys, IReadOnlyList<ResolvedChange> Resolved, IReadOnlyDictionary<string, IReadOnlyList<MetricDelta>> Totals, IReadOnlyList<LayerDelta> Layers,
    IReadOnlyList<string> LayersOnlyInA, IReadOnlyList<string> LayersOnlyInB);
