namespace StampSim.Hardware;

/// <summary>
/// Names of what bounds an operator's time (<see cref="CostResult.Bound"/>, and the model's per-class bound):
/// the MAC array streaming, the array waiting on its weight-load port, DRAM, the vector unit; a layer unit or
/// on-chip buffer is named by its stage (<see cref="CostStages"/>: <c>sequence_transform</c>, <c>quantizer</c>,
/// <c>epilogue</c>, <c>sram.NAME</c>).
/// </summary>
public static class Bounds
{
    /// <summary>The MAC array streaming operands (with its fill and drain).</summary>
    public const string Compute = "compute";

    /// <summary>The MAC array waiting for weights through its load port.</summary>
    public const string WeightLoad = "weight_load";

    /// <summary>The DRAM interface.</summary>
    public const string Dram = "dram";

    /// <summary>The model's vector unit (softmax, norms, RoPE, activations, residuals).</summary>
    public const string Vector = "vector";
}
