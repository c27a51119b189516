using StampSim.Models.Linear;
using StampSim.Tensors;

namespace StampSim.Models.Onnx;

/// <summary>
/// One linear layer found in an ONNX graph: a MatMul or Gemm whose weight is an initializer, and
/// the Add of an initializer bias that follows it, if any.
/// </summary>
/// <param name="Name">Layer name: the bias or weight initializer's name without <c>.bias</c>/<c>.weight</c> when it is meaningful, else the node's name.</param>
/// <param name="Kind">Role inferred from the names (<see cref="LinearKind.Linear"/> when they do not tell).</param>
/// <param name="Block">Transformer block index read from the name (<c>layer.3.</c>), or null.</param>
/// <param name="Input">The graph tensor holding the activations X.</param>
/// <param name="Output">The graph tensor holding <c>X W^T + b</c> (the bias Add's output when there is a bias).</param>
/// <param name="Nodes">Indices in the graph's node list of the nodes the layer stands for (the MatMul/Gemm and the bias Add).</param>
/// <param name="Weight">Weight (n, d) in PyTorch layout (a MatMul's (d, n) initializer is transposed).</param>
/// <param name="Bias">Bias (n), or null.</param>
public sealed record OnnxLinear(string Name, LinearKind Kind, int? Block, string Input, string Output,
    IReadOnlyList<int> Nodes, Matrix<float> Weight, float[]? Bias)
{
    /// <summary>Input features d.</summary>
    public int Features => Weight.Cols;

    /// <summary>Output features n.</summary>
    public int Outputs => Weight.Rows;
}
