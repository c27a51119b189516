using StampSim.Traces.Safetensors;

namespace StampSim.Traces;

/// <summary>The tensors of a safetensors trace; <c>name</c> is how messages name the file.</summary>
internal sealed class SafetensorsTraceTensors(SafetensorsFile file, string name) : ITraceTensors
{
    public IReadOnlyList<TraceTensorInfo> Tensors { get; } = file.Tensors.Values
        .OrderBy(t => t.Begin)
        .Select(t => new TraceTensorInfo(t.Name, t.DType, t.Type, t.Shape, t.Bytes, $"{name}: tensor '{t.Name}'"))
        .ToArray();

    public float[] ReadFloat32(TraceTensorInfo tensor, out long rounded)
    {
        rounded = 0;
        return file.ReadFloat32(tensor.Key);
    }

    public void Dispose() => file.Dispose();
}
