using StampSim.Models.Linear;
using StampSim.Tensors;

namespace StampSim.Tests.Support;

/// <summary>Passes every call on to <paramref name="inner"/> and notes how many sequences it stacked, to show a batch is one call per linear.</summary>
public sealed class SequenceCountingExecutor(ILinearExecutor inner) : ILinearExecutor
{
    /// <summary>The sequences of each call, in call order.</summary>
    public List<int> Sequences { get; } = [];

    public Matrix<float> Linear(LinearCall call)
    {
        Sequences.Add(call.Sequences.Count);
        return inner.Linear(call);
    }
}
