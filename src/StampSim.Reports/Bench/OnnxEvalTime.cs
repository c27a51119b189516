namespace StampSim.Reports.Bench;

/// <summary>A whole <c>stampsim eval onnx</c> child process over the first sentences of a text.</summary>
/// <param name="Seconds">Wall time, when measured.</param>
/// <param name="Sentences">Sentences embedded.</param>
/// <param name="Detail">The model and text, or why it was not measured.</param>
public sealed record OnnxEvalTime(double? Seconds, int Sentences, string Detail);
