namespace StampSim.Models.Onnx;

/// <summary>
/// One segment of a <see cref="SegmentedOnnxModel"/>: the part of the graph between linears that
/// ONNX Runtime runs, fed the graph inputs and linear outputs it reads, producing the inputs of the
/// next linears (or the model's output, for the last segment).
/// </summary>
/// <param name="Session">ONNX Runtime session over the segment's subgraph.</param>
/// <param name="GraphInputs">Original graph inputs the segment reads.</param>
/// <param name="LinearOutputs">Indices (into <see cref="SegmentedOnnxModel.Linears"/>) of the earlier linears whose outputs the segment reads.</param>
/// <param name="Outputs">Tensors the segment produces.</param>
/// <param name="Linears">Indices of the linears run on the segment's outputs, in graph order.</param>
public sealed record OnnxStage(OnnxSession Session, IReadOnlyList<string> GraphInputs, IReadOnlyList<int> LinearOutputs,
    IReadOnlyList<string> Outputs, IReadOnlyList<int> Linears);
