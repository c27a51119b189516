using ILGPU;
using StampSim.Gpu.Runtime;
using StampSim.Numerics;
using StampSim.Transforms;

namespace StampSim.Gpu.Transforms;

/// <summary><c>none</c>: nothing to launch.</summary>
internal sealed class DeviceIdentity : IDeviceSequenceTransform
{
    /// <inheritdoc />
    public SequenceTransformKind Kind => SequenceTransformKind.None;

    /// <inheritdoc />
    public void Run(GpuDevice device, SequenceTransformPlan plan, ArrayView<float> region, int cols, bool forward) { }
}
