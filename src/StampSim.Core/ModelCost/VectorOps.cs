namespace StampSim.ModelCost;

/// <summary>
/// Adds and multiplies per element of each vector operation: the first-order counts the vector unit is
/// charged (documented in docs/model-cost.md). exp and tanh are taken as a degree-4 polynomial after
/// range reduction (4 multiplies, 4 adds); a reciprocal or reciprocal square root per row is not counted.
/// </summary>
public static class VectorOps
{
    /// <summary>Adds and multiplies per element of <paramref name="op"/> in a model of <paramref name="arch"/> (decoders use RMSNorm and SwiGLU, ViT and DiT LayerNorm and GELU).</summary>
    public static (int Adds, int Muls) PerElement(OperatorClass op, ModelArchitecture arch) => op switch
    {
        // max, subtract, exp, sum, scale by 1/sum
        OperatorClass.Softmax => (1 + 1 + 4 + 1, 4 + 1),
        // RMSNorm: square, accumulate, normalise, gain; LayerNorm adds the mean (accumulate, subtract) and a bias
        OperatorClass.Norm => arch.Family.RmsNorm ? (1, 3) : (4, 3),
        // rotate a pair: x*cos - y*sin (per element: two multiplies and an add)
        OperatorClass.Rope => (1, 2),
        // SwiGLU: sigmoid (exp, 1 + e, Newton reciprocal) times x, times up; GELU (tanh form): x^3, scale, add, tanh, 1 + t, x/2 * (...)
        OperatorClass.Activation => arch.GatedMlp ? (4 + 1 + 1, 4 + 3 + 1 + 1) : (1 + 4 + 1, 2 + 1 + 4 + 2),
        OperatorClass.Residual => (1, 0),
        _ => (0, 0),
    };
}
