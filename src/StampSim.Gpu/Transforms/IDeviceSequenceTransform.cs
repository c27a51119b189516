using ILGPU;
using StampSim.Gpu.Runtime;
using StampSim.Numerics;
using StampSim.Transforms;

namespace StampSim.Gpu.Transforms;

/// <summary>
/// The device kernels of one sequence transform, registered under the transform's config name in
/// <see cref="DeviceSequenceTransforms"/> (the GPU's counterpart of the golden descriptor).
/// </summary>
internal interface IDeviceSequenceTransform
{
    /// <summary>The config name of the golden transform this mirrors.</summary>
    SequenceTransformKind Kind { get; }

    /// <summary>Transforms <paramref name="region"/> (the plan's transformed tokens x <paramref name="cols"/>) in place.</summary>
    void Run(GpuDevice device, SequenceTransformPlan plan, ArrayView<float> region, int cols, bool forward);
}
