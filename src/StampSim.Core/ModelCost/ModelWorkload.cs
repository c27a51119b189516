using StampSim.Numerics;

namespace StampSim.ModelCost;

/// <summary>
/// Every operator of a whole model in each phase, with exact shapes and multiply-accumulate counts
/// (docs/model-cost.md), as the architecture's <see cref="ModelFamily"/> builds them. Batch B multiplies
/// everything, except that decoder linears and LM heads run the batch as one matmul (B x S prompt tokens in
/// prefill, B tokens per decode step): the B sequences share each weight read.
/// </summary>
public static class ModelWorkload
{
    /// <summary>The operators of the prefill phase (or the whole pass for a family that does not decode).</summary>
    public static IReadOnlyList<ModelOperator> Prefill(ModelArchitecture a, InferenceRequest r, ModelPolicy policy) => a.Family.Prefill(a, r, policy);

    /// <summary>The operators of all decode steps (empty for a family that does not decode).</summary>
    public static IReadOnlyList<ModelOperator> Decode(ModelArchitecture a, InferenceRequest r, ModelPolicy policy) => a.Family.Decode(a, r, policy);

    /// <summary>
    /// The weighted matmuls (block linears and the matmuls outside the blocks, not attention), each weight matrix
    /// counted once by <see cref="ModelOperator.Count"/>: one prefill pass of one sequence of as many tokens as a MoE
    /// has experts (so each is touched), one step.
    /// </summary>
    public static IReadOnlyList<ModelOperator> WeightedMatmuls(ModelArchitecture a, ModelPolicy policy) =>
        a.Family.Prefill(a, new InferenceRequest(Prompt: a.Moe?.Experts ?? 1, Decode: 0, Batch: 1, Steps: 1), policy)
            .Where(op => op.Gemm is not null && op.Role is OperandRole.BlockLinear or OperandRole.Edge).ToList();

    /// <summary>Bytes one token adds to the KV cache of one layer: keys and values at <c>kv_bits</c>, and a 16-bit scale per head for each.</summary>
    public static long KvBytesPerToken(ModelArchitecture a, ModelPolicy policy) =>
        2L * ((long)a.KvWidth * policy.KvBits / 8 + 2L * a.KvHeads);
}
