namespace StampSim.Traces;

/// <summary>Where a trace's tensors live: a safetensors file, an .npz archive, or loose .npy files.</summary>
internal interface ITraceTensors : IDisposable
{
    /// <summary>Every tensor, described from headers only.</summary>
    IReadOnlyList<TraceTensorInfo> Tensors { get; }

    /// <summary>Reads a tensor as float32 (F16/BF16 widen exactly); returns how many values were rounded (f8 .npy only).</summary>
    float[] ReadFloat32(TraceTensorInfo tensor, out long rounded);
}
