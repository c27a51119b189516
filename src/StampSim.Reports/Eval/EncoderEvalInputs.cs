using StampSim.Models.Onnx;

namespace StampSim.Reports.Eval;

/// <summary>What <c>eval onnx</c> embedded, and how far its float32 variant is from ONNX Runtime alone.</summary>
/// <param name="Model">The ONNX model path.</param>
/// <param name="Text">The text file the sentences come from.</param>
/// <param name="Sentences">Sentences embedded.</param>
/// <param name="Tokens">Tokens over all sentences, [CLS] and [SEP] included.</param>
/// <param name="Output">The graph output holding the last hidden state.</param>
/// <param name="Float32VsRuntime">StampSim's float32 variant against ONNX Runtime running the whole graph.</param>
public sealed record EncoderEvalInputs(string Model, string Text, int Sentences, int Tokens, string Output, EncoderComparison Float32VsRuntime);
