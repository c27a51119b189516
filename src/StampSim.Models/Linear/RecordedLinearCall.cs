namespace StampSim.Models.Linear;

/// <summary>One call seen by <see cref="RecordingLinearExecutor"/>.</summary>
/// <param name="Call">The call (its X, W and bias are the model's own instances, not copies).</param>
/// <param name="ActivationIndex">Index into <see cref="RecordingLinearExecutor.Activations"/> of the call's X.</param>
/// <param name="SharesInput">True when an earlier call in the recording had the same X instance (k and v after q, up after gate).</param>
public sealed record RecordedLinearCall(LinearCall Call, int ActivationIndex, bool SharesInput);
