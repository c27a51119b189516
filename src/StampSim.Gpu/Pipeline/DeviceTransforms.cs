using ILGPU;
using StampSim.Gpu.Runtime;
using StampSim.Gpu.Transforms;
using StampSim.Transforms;

namespace StampSim.Gpu.Pipeline;

/// <summary>
/// Runs the sequence transform of a resolved plan (its kernels from <see cref="DeviceSequenceTransforms"/>),
/// and the feature Hadamard transform, on device data. Prefix tokens stay in front, untouched.
/// </summary>
internal sealed class DeviceTransforms
{
    private readonly GpuDevice _device;
    private readonly SequenceTransformPlan _plan;
    private readonly IDeviceSequenceTransform _kernels;

    /// <summary>Looks up the kernels of the plan's transform.</summary>
    /// <exception cref="InputException">The GPU has no kernels for that transform.</exception>
    public DeviceTransforms(GpuDevice device, SequenceTransformPlan plan, DeviceSequenceTransforms kernels)
    {
        _device = device;
        _plan = plan;
        _kernels = kernels.For(plan.Kind);
    }

    /// <summary>Forward sequence transform of <paramref name="data"/> (tokens x <paramref name="cols"/>).</summary>
    public void Forward(ArrayView<float> data, int cols) => Run(data, cols, forward: true);

    /// <summary>Inverse sequence transform.</summary>
    public void Inverse(ArrayView<float> data, int cols) => Run(data, cols, forward: false);

    /// <summary><c>WHT_cols</c> of every row of <paramref name="data"/> (rows x <paramref name="cols"/>, cols a power of two).</summary>
    public void FeatureHadamard(ArrayView<float> data, int rows, int cols) =>
        DeviceWht.Apply(_device, data, vectors: rows, m: cols, vectorStride: cols, elementStride: 1);

    private void Run(ArrayView<float> data, int cols, bool forward)
    {
        int s = _plan.TransformedTokens;
        if (s == 0) return;
        var region = data.SubView((long)_plan.PrefixTokens * cols, (long)s * cols);
        _kernels.Run(_device, _plan, region, cols, forward);
    }
}
