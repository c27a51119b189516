using StampSim.Traces.Safetensors;

namespace StampSim.Traces;

/// <summary>
/// Writes a trace: tensors (F32, F16 or BF16) and layers referencing them, with the manifest in
/// <c>__metadata__</c>. The manifest is validated exactly as a reader would before anything is
/// written, and the file appears atomically. Tensors added with a producer are generated while
/// the file is written, one at a time.
/// </summary>
public sealed class TraceWriter
{
    private readonly SafetensorsWriter _file = new();
    private readonly Dictionary<string, TraceTensorInfo> _tensors = new(StringComparer.Ordinal);
    private readonly List<TraceLayer> _layers = [];
    private readonly TraceManifest _header;

    /// <summary>Starts a trace of <paramref name="model"/>; see <see cref="TraceManifest"/> for the fields.</summary>
    public TraceWriter(string model, string? source, string? license, TraceInput input) =>
        _header = new TraceManifest(model, source, license, input, []);

    /// <summary>The manifest as it will be written.</summary>
    public TraceManifest Manifest => _header with { Layers = _layers.ToArray() };

    /// <summary>Adds a tensor, encoding it now.</summary>
    public void AddTensor(string key, ElementType type, long[] shape, ReadOnlySpan<float> data)
    {
        var info = Declare(key, type, shape);
        if (data.Length != info.Count)
            throw new ArgumentException($"tensor '{key}': shape {info.ShapeText} has {info.Count} elements, data has {data.Length}");
        var bytes = new byte[info.Bytes];
        TraceEncoding.Encode(data, type, bytes, $"tensor '{key}'");
        _file.Add(key, type, shape, bytes);
    }

    /// <summary>Adds a tensor that <paramref name="produce"/> computes while the file is being written.</summary>
    public void AddTensor(string key, ElementType type, long[] shape, Func<float[]> produce)
    {
        var info = Declare(key, type, shape);
        _file.Add(key, type, shape, info.Bytes, stream =>
        {
            var data = produce();
            if (data.LongLength != info.Count)
                throw new InvalidOperationException($"tensor '{key}': produced {data.LongLength} elements, shape {info.ShapeText} needs {info.Count}");
            TraceEncoding.Write(stream, data, type, $"tensor '{key}'");
        });
    }

    /// <summary>Adds a layer; its keys must name tensors added before <see cref="Write"/>.</summary>
    public void AddLayer(TraceLayer layer) => _layers.Add(layer);

    /// <summary>Validates the manifest against the tensors and writes the file atomically.</summary>
    /// <exception cref="InputException">The manifest is invalid (a missing key, mismatched shapes) or a value does not fit its dtype.</exception>
    public void Write(string path)
    {
        var manifest = Manifest;
        string json = TraceManifestJson.Write(manifest);
        // Round-trip through the reader's parser so a writer can never produce a file the reader rejects.
        TraceValidation.Check(TraceManifestJson.Parse(json, path), _tensors, path, TraceValidation.TraceTypes);
        _file.SetMetadata(TraceManifest.MetadataKey, json);
        _file.Write(path);
    }

    private TraceTensorInfo Declare(string key, ElementType type, long[] shape)
    {
        if (!TraceValidation.TraceTypes.Contains(type))
            throw new ArgumentException($"tensor '{key}': {type} is not a trace dtype (F32, F16 or BF16)", nameof(type));
        if (_tensors.ContainsKey(key))
            throw new ArgumentException($"tensor '{key}' added twice", nameof(key));
        long count = shape.Aggregate(1L, (a, b) => checked(a * b));
        var info = new TraceTensorInfo(key, SafetensorsDTypes.Name(type), type, shape, count * ElementTypes.Size(type), $"tensor '{key}'");
        _tensors[key] = info;
        return info;
    }
}
