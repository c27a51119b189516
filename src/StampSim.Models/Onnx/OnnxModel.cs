using Google.Protobuf;
using Onnx;
using StampSim.Io;

namespace StampSim.Models.Onnx;

/// <summary>
/// An ONNX model file parsed into its protobuf messages (the onnx.proto types OnnxSharp ships), with
/// the initializers by name. StampSim edits copies of the graph (extra outputs, linears cut out)
/// and hands the bytes to ONNX Runtime; it never interprets the graph's operators itself.
/// </summary>
public sealed class OnnxModel
{
    private readonly Dictionary<string, TensorProto> _initializers;

    private OnnxModel(string path, ModelProto proto)
    {
        Path = path;
        Proto = proto;
        if (proto.Graph is null) throw new InputException($"{path}: the ONNX model has no graph");
        _initializers = new Dictionary<string, TensorProto>(StringComparer.Ordinal);
        foreach (var t in proto.Graph.Initializer) _initializers[t.Name] = t;
    }

    /// <summary>The file the model came from.</summary>
    public string Path { get; }

    /// <summary>The parsed model; treat as read-only (edits go to a <see cref="ModelProto.Clone"/>).</summary>
    public ModelProto Proto { get; }

    /// <summary>The main graph.</summary>
    public GraphProto Graph => Proto.Graph;

    /// <summary>Names of the graph inputs that are not initializers (what a caller must feed).</summary>
    public IReadOnlyList<string> InputNames => Graph.Input.Select(i => i.Name).Where(n => !_initializers.ContainsKey(n)).ToArray();

    /// <summary>Names of the graph outputs.</summary>
    public IReadOnlyList<string> OutputNames => Graph.Output.Select(o => o.Name).ToArray();

    /// <summary>Reads and parses an ONNX file.</summary>
    /// <exception cref="InputException">The file is missing or is not an ONNX model.</exception>
    public static OnnxModel Load(string path)
    {
        byte[] bytes = InputFile.ReadAllBytes(path);
        try { return new OnnxModel(path, ModelProto.Parser.ParseFrom(bytes)); }
        catch (InvalidProtocolBufferException e) { throw new InputException($"{path}: not an ONNX model ({e.Message})"); }
    }

    /// <summary>The initializer called <paramref name="name"/>, or null when the tensor is computed.</summary>
    public TensorProto? Initializer(string name) => _initializers.GetValueOrDefault(name);

    /// <summary>
    /// The values of a float32 initializer (raw little-endian data, read as the little-endian host's
    /// floats, or <c>float_data</c>), or null when
    /// the tensor is not a float32 initializer stored inside the file.
    /// </summary>
    public float[]? FloatInitializer(string name)
    {
        if (Initializer(name) is not { } t || t.DataType != (int)TensorProto.Types.DataType.Float) return null;
        if (t.DataLocation == TensorProto.Types.DataLocation.External) return null;
        long count = t.Dims.Aggregate(1L, (a, b) => a * b);
        float[] values = t.RawData.Length > 0
            ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray()
            : t.FloatData.ToArray();
        if (values.LongLength != count)
            throw new InputException($"{Path}: initializer '{name}' has {values.LongLength} values for shape [{string.Join(", ", t.Dims)}]");
        return values;
    }

    /// <summary>
    /// The serialised model with <paramref name="extraOutputs"/> added as graph outputs (after the
    /// model's own), for an ONNX Runtime session that returns those intermediate tensors too. Their
    /// types are left to ONNX Runtime's inference.
    /// </summary>
    public byte[] WithOutputs(IEnumerable<string> extraOutputs)
    {
        var copy = Proto.Clone();
        var existing = copy.Graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in extraOutputs)
            if (existing.Add(name)) copy.Graph.Output.Add(new ValueInfoProto { Name = name });
        return copy.ToByteArray();
    }
}
