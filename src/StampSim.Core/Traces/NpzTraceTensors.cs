using StampSim.Traces.Npy;

namespace StampSim.Traces;

/// <summary>The members of a NumPy .npz archive, keyed by array name.</summary>
internal sealed class NpzTraceTensors : ITraceTensors
{
    private readonly NpzFile _npz;

    /// <summary>Reads every member's header now, so a bad member is reported before any work starts.</summary>
    public NpzTraceTensors(NpzFile npz, string path)
    {
        _npz = npz;
        Tensors = npz.Names.Select(name =>
        {
            var h = npz.ReadHeader(name);
            return new TraceTensorInfo(name, h.Descr, h.ElementType, h.Shape, h.DataBytes, $"{path}[{name}]");
        }).ToArray();
    }

    public IReadOnlyList<TraceTensorInfo> Tensors { get; }

    public float[] ReadFloat32(TraceTensorInfo tensor, out long rounded)
    {
        var t = _npz.ReadFloat32(tensor.Key);
        rounded = t.RoundedValues;
        return t.Data;
    }

    public void Dispose() => _npz.Dispose();
}
