using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace StampSim.Tests.Onnx;

/// <summary>
/// ONNX Runtime's own values of named tensors of a BERT-family model for given token ids, obtained
/// without StampSim's ONNX code: the protobuf is edited here and the session run directly, so tests
/// can hold StampSim's captures and segments against it.
/// </summary>
internal static class OnnxReference
{
    public static Dictionary<string, float[]> Tensors(string modelPath, long[] ids, IReadOnlyCollection<string> names)
    {
        var proto = ModelProto.Parser.ParseFrom(File.ReadAllBytes(modelPath));
        foreach (var name in names)
            if (proto.Graph.Output.All(o => o.Name != name)) proto.Graph.Output.Add(new ValueInfoProto { Name = name });
        using var session = new InferenceSession(proto.ToByteArray());
        long[] shape = [1, ids.Length];
        using var inputIds = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat(1L, ids.Length).ToArray(), shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        var inputs = new Dictionary<string, OrtValue> { ["input_ids"] = inputIds, ["attention_mask"] = mask, ["token_type_ids"] = types };
        using var run = new RunOptions();
        var outputs = names.ToArray();
        using var results = session.Run(run, inputs, outputs);
        return outputs.Select((n, i) => (n, results[i].GetTensorDataAsSpan<float>().ToArray())).ToDictionary(p => p.n, p => p.Item2);
    }
}
