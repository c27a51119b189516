using StampSim.Tensors;

namespace StampSim.Models.Linear;

/// <summary>
/// Wraps another executor and records every call, for trace capture. Activations are kept by
/// reference and de-duplicated by instance: q/k/v (and gate/up) receive the same X from the model,
/// so it is stored once. Not thread-safe: one model forward at a time.
/// </summary>
public sealed class RecordingLinearExecutor(ILinearExecutor inner) : ILinearExecutor
{
    private readonly List<RecordedLinearCall> _calls = [];
    private readonly List<Matrix<float>> _activations = [];
    private readonly Dictionary<Matrix<float>, int> _index = new(ReferenceEqualityComparer.Instance);

    /// <summary>The executor that computes the results.</summary>
    public ILinearExecutor Inner { get; } = inner;

    /// <summary>Calls in the order the model made them.</summary>
    public IReadOnlyList<RecordedLinearCall> Calls => _calls;

    /// <summary>Distinct input activations, in order of first use.</summary>
    public IReadOnlyList<Matrix<float>> Activations => _activations;

    /// <inheritdoc />
    public Matrix<float> Linear(LinearCall call)
    {
        // A recorded call becomes one trace layer, whose activations are one sequence.
        if (call.Sequences.Count > 1)
            throw new ArgumentException($"{call.Name}: a call batching {call.Sequences.Count} sequences cannot be recorded; capture one sequence at a time");
        bool shared = _index.TryGetValue(call.X, out int index);
        if (!shared)
        {
            index = _activations.Count;
            _activations.Add(call.X);
            _index.Add(call.X, index);
        }
        var y = Inner.Linear(call);
        _calls.Add(new RecordedLinearCall(call, index, shared));
        return y;
    }

    /// <summary>Forgets everything recorded so far.</summary>
    public void Clear()
    {
        _calls.Clear();
        _activations.Clear();
        _index.Clear();
    }
}
