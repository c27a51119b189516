using StampSim.Pipeline;
using StampSim.Tensors;
using StampSim.Traces.Npy;
using StampSim.Traces.Safetensors;

namespace StampSim.Traces;

/// <summary>
/// An opened, validated activation trace: a safetensors trace with its manifest, or a bare .npy
/// (X only) or .npz (x, w/weight, b/bias) single layer. Opening checks the container, the
/// manifest and every referenced tensor's dtype and shape; reading checks values (NaN/Inf).
/// Safetensors data stays memory-mapped and each tensor is read only when asked for.
/// </summary>
public sealed class TraceFile : IDisposable
{
    private readonly IReadOnlyList<ITraceTensors> _sources;
    private readonly Dictionary<string, (TraceTensorInfo Info, ITraceTensors Source)> _tensors;
    private readonly Action<string>? _warn;

    private TraceFile(string path, string name, TraceFormat format, TraceManifest manifest, string manifestJson, IReadOnlyList<ITraceTensors> sources, Action<string>? warn)
    {
        Path = path;
        Name = name;
        Format = format;
        Manifest = manifest;
        ManifestJson = manifestJson;
        _sources = sources;
        _warn = warn;
        Tensors = sources.SelectMany(s => s.Tensors).ToArray();
        _tensors = sources.SelectMany(s => s.Tensors.Select(t => (t, s))).ToDictionary(p => p.t.Key, p => p, StringComparer.Ordinal);
        FileBytes = new FileInfo(path).Length;
    }

    /// <summary>The trace file.</summary>
    public string Path { get; }

    /// <summary>How messages name the trace: its path, or <see cref="BundledTrace.DisplayName"/> for the bundled one (not its temporary copy).</summary>
    public string Name { get; }

    /// <summary>The container format.</summary>
    public TraceFormat Format { get; }

    /// <summary>The manifest (synthesised for .npy/.npz files).</summary>
    public TraceManifest Manifest { get; }

    /// <summary>The manifest JSON exactly as stored (or as synthesised).</summary>
    public string ManifestJson { get; }

    /// <summary>Size of the trace file in bytes (sidecar files not included).</summary>
    public long FileBytes { get; }

    /// <summary>Every tensor of the trace, in file order.</summary>
    public IReadOnlyList<TraceTensorInfo> Tensors { get; }

    /// <summary>Opens and validates a trace; the container is recognised by its first bytes.</summary>
    /// <param name="path">A .safetensors trace, a .npy X, or a .npz single layer.</param>
    /// <param name="sidecars">Weight/bias files for .npy/.npz traces.</param>
    /// <param name="warn">Receives warnings (values rounded from float64).</param>
    /// <exception cref="InputException">Anything wrong with the file, its manifest or its tensors; the message names which.</exception>
    public static TraceFile Open(string path, TraceSidecars? sidecars = null, Action<string>? warn = null) =>
        Open(path, path, sidecars ?? TraceSidecars.None, warn);

    /// <summary>Opens the trace a <c>--trace</c> argument names: the bundled trace for null or <see cref="BundledTrace.Name"/>, else the file.</summary>
    /// <exception cref="InputException">Anything wrong with the file, its manifest or its tensors.</exception>
    public static TraceFile OpenArgument(string? pathOrBundled, Action<string>? warn = null) =>
        pathOrBundled is null || pathOrBundled == BundledTrace.Name
            ? Open(BundledTrace.Materialize(), BundledTrace.DisplayName, TraceSidecars.None, warn)
            : Open(pathOrBundled, warn: warn);

    private static TraceFile Open(string path, string name, TraceSidecars sidecars, Action<string>? warn)
    {
        var format = TraceFormats.Detect(path);
        var sources = new List<ITraceTensors>();
        try
        {
            var (manifest, json) = format switch
            {
                TraceFormat.Safetensors => OpenSafetensors(path, name, sidecars, sources),
                TraceFormat.Npy => OpenNpy(path, sidecars, sources),
                _ => OpenNpz(path, sidecars, sources),
            };
            var trace = new TraceFile(path, name, format, manifest, json, sources, warn);
            TraceValidation.Check(manifest, trace._tensors.ToDictionary(p => p.Key, p => p.Value.Info, StringComparer.Ordinal), name,
                format == TraceFormat.Safetensors ? TraceValidation.TraceTypes : null);
            return trace;
        }
        catch
        {
            foreach (var s in sources) s.Dispose();
            throw;
        }
    }

    /// <summary>The layer called <paramref name="name"/>.</summary>
    /// <exception cref="InputException">No such layer.</exception>
    public TraceLayer Layer(string name) => Manifest.Layer(name, Name);

    /// <summary>Describes the tensor <paramref name="key"/>.</summary>
    /// <exception cref="InputException">No such tensor.</exception>
    public TraceTensorInfo Tensor(string key) =>
        _tensors.TryGetValue(key, out var t) ? t.Info : throw new InputException($"{Name}: no tensor named '{key}'");

    /// <summary>Reads a layer's activations <c>(s, d)</c>, rejecting NaN and infinity (the message names tensor and index).</summary>
    public Matrix<float> ReadActivations(TraceLayer layer)
    {
        var info = Tensor(layer.Activation);
        var data = Read(info);
        LayerInputs.RequireInRange(data, (int)info.Shape[1], info.Where);
        return new Matrix<float>((int)info.Shape[0], (int)info.Shape[1], data);
    }

    /// <summary>Reads a layer's inputs; pass <paramref name="activations"/> when already read for a layer sharing them.</summary>
    /// <exception cref="InputException">A value is NaN or infinite, or the layer has no weight.</exception>
    public LayerInputs Load(TraceLayer layer, Matrix<float>? activations = null)
    {
        if (layer.Weight is null)
            throw new InputException($"{Name}: layer '{layer.Name}' has no weight (give it with --weight W.npy)");
        var x = activations ?? ReadActivations(layer);
        var wInfo = Tensor(layer.Weight);
        var w = new Matrix<float>((int)wInfo.Shape[0], (int)wInfo.Shape[1], Read(wInfo));
        var bInfo = layer.Bias is null ? null : Tensor(layer.Bias);
        var b = bInfo is null ? null : Read(bInfo);
        return new LayerInputs(x, w, b, layer.Name, Tensor(layer.Activation).Where, wInfo.Where, bInfo?.Where ?? "bias");
    }

    /// <summary>
    /// Reads the inputs of <paramref name="layers"/> lazily, in order; consecutive layers sharing an
    /// input (q/k/v, gate/up) read it once, and the previous input is let go before the next is read.
    /// </summary>
    public IEnumerable<(TraceLayer Layer, LayerInputs Inputs)> LoadInOrder(IReadOnlyList<TraceLayer> layers)
    {
        Matrix<float>? activations = null;
        string? activationKey = null;
        foreach (var layer in layers)
        {
            if (layer.Activation != activationKey)
            {
                activations = null;
                activations = ReadActivations(layer);
                activationKey = layer.Activation;
            }
            yield return (layer, Load(layer, activations));
        }
    }

    /// <summary>Reads any tensor as float32 (checked for NaN/Inf).</summary>
    public float[] ReadFloat32(string key)
    {
        var info = Tensor(key);
        var data = Read(info);
        LayerInputs.RequireInRange(data, info.Shape.Length == 2 ? (int)info.Shape[1] : 0, info.Where);
        return data;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var s in _sources) s.Dispose();
    }

    private float[] Read(TraceTensorInfo info)
    {
        var data = _tensors[info.Key].Source.ReadFloat32(info, out long rounded);
        if (rounded > 0) _warn?.Invoke($"{info.Where}: {rounded} {info.DType} values were rounded to float32");
        return data;
    }

    private static (TraceManifest, string) OpenSafetensors(string path, string name, TraceSidecars sidecars, List<ITraceTensors> sources)
    {
        if (sidecars.Any)
            throw new InputException($"{name}: --weight and --bias apply only to .npy/.npz traces; a safetensors trace names its own tensors");
        var file = SafetensorsFile.Open(path);
        sources.Add(new SafetensorsTraceTensors(file, name));
        if (!file.Metadata.TryGetValue(TraceManifest.MetadataKey, out var json))
            throw new InputException($"{name}: no '{TraceManifest.MetadataKey}' manifest in __metadata__ (not a StampSim trace; see traces/README.md)");
        return (TraceManifestJson.Parse(json, name), json);
    }

    private static (TraceManifest, string) OpenNpy(string path, TraceSidecars sidecars, List<ITraceTensors> sources)
    {
        var files = new List<(string Key, string Path)> { ("x", path) };
        if (sidecars.Weight is not null) files.Add(("w", sidecars.Weight));
        if (sidecars.Bias is not null) files.Add(("b", sidecars.Bias));
        if (sidecars.Bias is not null && sidecars.Weight is null)
            throw new InputException($"{path}: --bias needs --weight");
        sources.Add(new NpyTraceTensors(files));
        return Bare(path, sidecars.Weight is null ? null : "w", sidecars.Bias is null ? null : "b");
    }

    private static (TraceManifest, string) OpenNpz(string path, TraceSidecars sidecars, List<ITraceTensors> sources)
    {
        var npz = new NpzTraceTensors(NpzFile.Open(path), path);
        sources.Add(npz);
        var names = npz.Tensors.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        if (!names.Contains("x"))
            throw new InputException($"{path}: no array named 'x' (a single-layer .npz holds x, w or weight, and optionally b or bias; {(names.Count == 0 ? "this archive is empty" : "has: " + string.Join(", ", names))})");
        string? weight = Member(names, path, "w", "weight");
        string? bias = Member(names, path, "b", "bias");
        if (weight is not null && sidecars.Weight is not null)
            throw new InputException($"{path}: holds weight '{weight}' and --weight was given too; use one");
        if (bias is not null && sidecars.Bias is not null)
            throw new InputException($"{path}: holds bias '{bias}' and --bias was given too; use one");
        var files = new List<(string Key, string Path)>();
        if (sidecars.Weight is not null) files.Add((weight = "w", sidecars.Weight));
        if (sidecars.Bias is not null) files.Add((bias = "b", sidecars.Bias));
        if (files.Count > 0) sources.Add(new NpyTraceTensors(files));
        if (bias is not null && weight is null)
            throw new InputException($"{path}: has a bias but no weight (w or weight, or --weight)");
        return Bare(path, weight, bias);
    }

    private static string? Member(HashSet<string> names, string path, string shortName, string longName) =>
        names.Contains(shortName) && names.Contains(longName)
            ? throw new InputException($"{path}: holds both '{shortName}' and '{longName}'; keep one")
            : names.Contains(shortName) ? shortName : names.Contains(longName) ? longName : null;

    private static (TraceManifest, string) Bare(string path, string? weight, string? bias)
    {
        string name = System.IO.Path.GetFileNameWithoutExtension(path);
        var manifest = new TraceManifest(name, null, null, new TraceInput("other", $"bare arrays from {System.IO.Path.GetFileName(path)}"),
            [new TraceLayer(name, "linear", null, "x", weight, bias)]);
        return (manifest, TraceManifestJson.Write(manifest));
    }
}
