using StampSim.Hardware;

namespace StampSim.ModelCost;

/// <summary>
/// One operator of a whole model, repeated <see cref="Count"/> times: a matmul of <see cref="Gemm"/> shape
/// on the MAC array, an element-wise operation of <see cref="Elements"/> on the vector unit, or memory
/// traffic of <see cref="DramBytes"/>.
/// </summary>
/// <param name="Name">What it is (<c>q</c>, <c>qk</c>, <c>softmax</c>, ...).</param>
/// <param name="Class">For the breakdown.</param>
/// <param name="Role">Which numerics its matmul runs under.</param>
/// <param name="Count">How many times it runs in the phase.</param>
/// <param name="Gemm">Tokens x features x outputs of one instance's matmul, or null.</param>
/// <param name="Macs">Exact multiply-accumulates of all instances (a causal attention counts only unmasked pairs).</param>
/// <param name="CostScale">The share of a full <see cref="Gemm"/> one instance does (below 1 for causal attention, whose cost is the full matmul's scaled by its unmasked share).</param>
/// <param name="Elements">Elements of one instance on the vector unit, or 0.</param>
/// <param name="DramBytes">DRAM bytes of one instance besides its matmul (embedding reads, KV cache writes).</param>
public sealed record ModelOperator(string Name, OperatorClass Class, OperandRole Role, long Count, LayerShape? Gemm, long Macs,
    double CostScale = 1, long Elements = 0, long DramBytes = 0);
