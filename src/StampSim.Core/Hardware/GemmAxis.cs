namespace StampSim.Hardware;

/// <summary>A dimension of a GEMM of M tokens x K reduction elements x N outputs.</summary>
public enum GemmAxis
{
    /// <summary>M: tokens (rows of the activations).</summary>
    Tokens,
    /// <summary>K: the reduction (features).</summary>
    Reduction,
    /// <summary>N: output channels.</summary>
    Outputs,
}
