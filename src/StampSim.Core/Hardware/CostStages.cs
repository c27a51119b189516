namespace StampSim.Hardware;

/// <summary>
/// The stage names of <see cref="CostResult.CyclesByStage"/> and their order. A GEMM stage is named after
/// what streams through the array, the activation width of its tokens (<c>gemm_a8</c>, <c>gemm_a4</c>), so
/// the uniform A8 baseline's GEMM reads <c>gemm_a8</c> rather than being the "low" half of a split it does not have.
/// </summary>
public static class CostStages
{
    /// <summary>Forward sequence transform.</summary>
    public const string SequenceTransform = "sequence_transform";

    /// <summary>Activation quantizer.</summary>
    public const string Quantizer = "quantizer";

    /// <summary>The whole GEMM under SCALE-Sim's count, which has one precision and no split by token width.</summary>
    public const string Gemm = "gemm";

    /// <summary>Array fill and drain (once per layer with double-buffered weights, per fold without; inside <see cref="Gemm"/> under SCALE-Sim).</summary>
    public const string GemmFillDrain = "gemm_fill_drain";

    /// <summary>Weight loads into the array that streaming does not hide (the first fold's of each run, and any fold whose load outlasts its streaming).</summary>
    public const string GemmWeightLoad = "gemm_weight_load";

    /// <summary>Dequantization, bias and rounding.</summary>
    public const string Epilogue = "epilogue";

    /// <summary>Inverse sequence transform.</summary>
    public const string InverseTransform = "inverse_transform";

    /// <summary>DRAM transfers.</summary>
    public const string Dram = "dram";

    /// <summary>Prefix of the per-buffer SRAM stages (<c>sram.NAME</c>).</summary>
    public const string SramPrefix = "sram.";

    /// <summary>Streaming cycles of the tokens quantized to <paramref name="bits"/>: <c>gemm_a{bits}</c>.</summary>
    public static string GemmAt(int bits) => GemmAtPrefix + bits.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private const string GemmAtPrefix = "gemm_a";

    /// <summary>
    /// The compute stages (no memories) that any of <paramref name="results"/> reports, in pipeline order with
    /// the GEMM widths widest first: the columns of a table or the layers of a stacked bar over several results.
    /// </summary>
    public static IReadOnlyList<string> Compute(IEnumerable<CostResult> results)
    {
        var present = results.SelectMany(r => r.CyclesByStage.Keys).ToHashSet(StringComparer.Ordinal);
        var gemms = present.Where(k => k.StartsWith(GemmAtPrefix, StringComparison.Ordinal))
            .OrderByDescending(k => int.Parse(k.AsSpan(GemmAtPrefix.Length), System.Globalization.CultureInfo.InvariantCulture)).Prepend(Gemm);
        return [.. new[] { SequenceTransform, Quantizer }.Concat(gemms).Concat([GemmFillDrain, GemmWeightLoad, Epilogue, InverseTransform]).Where(present.Contains)];
    }

    /// <summary>Every stage of <paramref name="results"/> in order: the compute stages, then DRAM and the buffers.</summary>
    public static IReadOnlyList<string> All(IEnumerable<CostResult> results)
    {
        var list = results.ToList();
        var memories = list.SelectMany(r => r.CyclesByStage.Keys).Where(k => k == Dram || k.StartsWith(SramPrefix, StringComparison.Ordinal)).Distinct()
            .OrderBy(k => k == Dram ? 0 : 1);
        return [.. Compute(list), .. memories];
    }
}
