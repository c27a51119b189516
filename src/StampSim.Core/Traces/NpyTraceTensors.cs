using StampSim.Traces.Npy;

namespace StampSim.Traces;

/// <summary>Loose .npy files, one tensor each, under fixed keys (<c>x</c>, <c>w</c>, <c>b</c>).</summary>
internal sealed class NpyTraceTensors : ITraceTensors
{
    private readonly Dictionary<string, string> _paths;

    /// <summary>Reads every file's header now, so a bad file is reported before any work starts.</summary>
    public NpyTraceTensors(IReadOnlyList<(string Key, string Path)> files)
    {
        _paths = files.ToDictionary(f => f.Key, f => f.Path, StringComparer.Ordinal);
        Tensors = files.Select(f => Describe(f.Key, f.Path)).ToArray();
    }

    public IReadOnlyList<TraceTensorInfo> Tensors { get; }

    public float[] ReadFloat32(TraceTensorInfo tensor, out long rounded)
    {
        var t = NpyFile.ReadFloat32(_paths[tensor.Key]);
        rounded = t.RoundedValues;
        return t.Data;
    }

    public void Dispose() { }

    private static TraceTensorInfo Describe(string key, string path)
    {
        using var stream = NpyFile.OpenRead(path);
        var h = NpyHeader.Read(stream, path, stream.Length);
        return new TraceTensorInfo(key, h.Descr, h.ElementType, h.Shape, h.DataBytes, path);
    }
}
