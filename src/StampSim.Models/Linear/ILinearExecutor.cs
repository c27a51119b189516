using StampSim.Tensors;

namespace StampSim.Models.Linear;

/// <summary>
/// The single place where a model applies its linear layers. Models call it for every
/// <c>nn.Linear</c>-equivalent (patch embedding and heads included), so swapping the executor
/// swaps the numerics of the whole model.
/// </summary>
/// <remarks>
/// Contract: an executor never modifies <see cref="LinearCall.X"/>, <see cref="LinearCall.W"/> or the
/// bias, and returns a new (s, n) matrix that the caller owns. Models never modify a matrix after
/// passing it as <see cref="LinearCall.X"/>, so an executor may keep references to it, and they pass
/// the same matrix instance to layers that share an input (q/k/v, gate/up).
/// </remarks>
public interface ILinearExecutor
{
    /// <summary>Computes <c>Y = X W^T + b</c> for one call.</summary>
    Matrix<float> Linear(LinearCall call);
}
