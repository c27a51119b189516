using ILGPU;
using ILGPU.Runtime;
using StampSim.Gpu.Runtime;
using StampSim.Numerics;
using StampSim.Transforms;

namespace StampSim.Gpu.Transforms;

/// <summary><c>dct</c>: a matrix product with the golden engine's own DCT matrix.</summary>
internal sealed class DeviceDct : IDeviceSequenceTransform
{
    /// <inheritdoc />
    public SequenceTransformKind Kind => SequenceTransformKind.Dct;

    /// <inheritdoc />
    public void Run(GpuDevice device, SequenceTransformPlan plan, ArrayView<float> region, int cols, bool forward)
    {
        int s = plan.TransformedTokens;
        var acc = device.Accelerator;
        var golden = new DctTransform(s, ExecutionOptions.Default);
        using var matrix = acc.Allocate1D(forward ? golden.ForwardMatrix() : golden.InverseMatrix());
        using var tmp = acc.Allocate1D<float>(region.Length);
        var work = device.Work(region.Length);
        device.Kernels.Dct(work.Stride, work, region, tmp.View, matrix.View, s, cols);
        tmp.View.CopyTo(region);
        acc.Synchronize();
    }
}
