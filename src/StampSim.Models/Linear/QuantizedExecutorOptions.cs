using StampSim.Numerics;

namespace StampSim.Models.Linear;

/// <summary>How <see cref="QuantizedLinearExecutor"/> treats a model's layers.</summary>
public sealed record QuantizedExecutorOptions
{
    /// <summary>Default options: only the layers inside the transformer blocks are quantized.</summary>
    public static QuantizedExecutorOptions Default { get; } = new();

    /// <summary>
    /// Also quantize the layers outside the transformer blocks (patch embedding, classifier, LM
    /// head). False by default, as in the paper and most activation-quantization studies: those
    /// layers stay in float32 (<see cref="Float32LinearExecutor"/>) and every linear layer inside
    /// the blocks is quantized.
    /// </summary>
    public bool QuantizeOutsideBlocks { get; init; }

    /// <summary>Threads and kernels of the engine (never change a result).</summary>
    public ExecutionOptions Execution { get; init; } = ExecutionOptions.Default;
}
