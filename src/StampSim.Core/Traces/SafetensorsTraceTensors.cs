using StampSim.Traces.Safetensors;

namespace StampSim.Traces;

/// <summary>The tensors of a memory-mapped safetensors trace.</summary>
internal sealed class SafetensorsTraceTensors(SafetensorsFile file) : ITraceTensors
{
    public IReadOnlyList<TraceTensorInfo> Tensors { get; } = file.Tensors.Values
        .OrderBy(t => t.Begin)
        .Select(t => new TraceTensorInfo(t.Name, t.DType, t.Type, t.Shape, t.Bytes, $"{file.Path}: tensor '{t.Name}'"))
        .ToArray();

    public float[] ReadFloat32(TraceTensorInfo tensor, out long rounded)
    {
        rounded = 0;
        return file.ReadFloat32(tensor.Key);
    }

    public void Dispose() => file.Dispose();
}
