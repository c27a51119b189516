using StampSim.Traces.Npy;

namespace StampSim.Models.Onnx;

/// <summary>Graph inputs read from .npy files, each converted to the element type the model declares for it (int64 or float32).</summary>
public static class OnnxInputFiles
{
    /// <summary>Reads <c>name=file.npy</c> pairs into feeds.</summary>
    /// <exception cref="InputException">A pair is malformed, names no graph input, the file is unreadable, or an input is left without a file.</exception>
    public static Dictionary<string, OnnxTensor> Read(OnnxModel model, IEnumerable<string> pairs)
    {
        var feeds = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            int eq = pair.IndexOf('=');
            if (eq <= 0 || eq == pair.Length - 1) throw new InputException($"--input: expected name=file.npy, got '{pair}'");
            string name = pair[..eq], path = pair[(eq + 1)..];
            var input = model.Graph.Input.FirstOrDefault(i => i.Name == name)
                ?? throw new InputException($"--input: '{name}' is not an input of {model.Path} (inputs: {string.Join(", ", model.InputNames)})");
            int elem = input.Type?.TensorType?.ElemType ?? 0;
            feeds[name] = elem switch
            {
                (int)global::Onnx.TensorProto.Types.DataType.Int64 => FromInt64(NpyFile.ReadInt64(path)),
                (int)global::Onnx.TensorProto.Types.DataType.Float => FromFloat(NpyFile.ReadFloat32(path)),
                _ => throw new InputException($"--input: '{name}' of {model.Path} has ONNX element type {elem}; only int64 and float32 inputs are supported"),
            };
        }
        var missing = model.InputNames.FirstOrDefault(n => !feeds.ContainsKey(n));
        if (missing is not null) throw new InputException($"--input: {model.Path} needs input '{missing}' (give {missing}=file.npy)");
        return feeds;
    }

    private static OnnxTensor FromInt64((long[] Shape, long[] Data) t) => OnnxTensor.Of(t.Data, t.Shape);

    private static OnnxTensor FromFloat(NpyTensor t) => OnnxTensor.Of(t.Data, t.Shape);
}
