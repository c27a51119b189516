using ILGPU;
using StampSim.Gpu.Runtime;
using StampSim.Numerics;
using StampSim.Transforms;

namespace StampSim.Gpu.Transforms;

/// <summary><c>wht</c>: log2 s butterfly stages and a scale, along the token axis of every column.</summary>
internal sealed class DeviceWht : IDeviceSequenceTransform
{
    /// <inheritdoc />
    public SequenceTransformKind Kind => SequenceTransformKind.Wht;

    /// <inheritdoc />
    public void Run(GpuDevice device, SequenceTransformPlan plan, ArrayView<float> region, int cols, bool forward) =>
        Apply(device, region, vectors: cols, m: plan.TransformedTokens, vectorStride: 1, elementStride: cols);

    /// <summary>
    /// The normalised WHT of <paramref name="vectors"/> vectors of <paramref name="m"/> elements (a power of two)
    /// at the given strides; self-inverse. Also the feature Hadamard transform (rows along the feature axis).
    /// </summary>
    public static void Apply(GpuDevice device, ArrayView<float> data, int vectors, int m, int vectorStride, int elementStride)
    {
        var pairs = device.Work((long)vectors * (m / 2));
        for (int h = 1; h < m; h <<= 1)
            device.Kernels.WhtStage(pairs.Stride, pairs, data, m, h, vectorStride, elementStride);
        var all = device.Work((long)vectors * m);
        device.Kernels.WhtScale(all.Stride, all, data, WalshHadamard.Scale<float>(m));
    }
}
