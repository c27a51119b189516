using ILGPU;
using ILGPU.Runtime;
using StampSim.Gpu.Runtime;
using StampSim.Numerics;
using StampSim.Transforms;

namespace StampSim.Gpu.Transforms;

/// <summary><c>haar2d</c>: one 2-D butterfly kernel launch per level, over the shrinking low band.</summary>
internal sealed class DeviceHaar2d : IDeviceSequenceTransform
{
    /// <inheritdoc />
    public SequenceTransformKind Kind => SequenceTransformKind.Haar2d;

    /// <inheritdoc />
    public void Run(GpuDevice device, SequenceTransformPlan plan, ArrayView<float> region, int cols, bool forward)
    {
        if (plan.Levels == 0) return;
        var grid = plan.Grid!;
        using var tmp = device.Accelerator.Allocate1D<float>(region.Length);
        for (int i = 0; i < plan.Levels; i++)
        {
            int j = forward ? i : plan.Levels - 1 - i;
            int h = grid.Height >> j, w = grid.Width >> j;
            var work = device.Work((long)h * w * cols);
            var kernel = forward ? device.Kernels.Haar2dForward : device.Kernels.Haar2dInverse;
            kernel(work.Stride, work, region, tmp.View, h, w, cols, DeviceHaar.InvSqrt2);
            tmp.View.SubView(0, work.Count).CopyTo(region.SubView(0, work.Count));
        }
        device.Accelerator.Synchronize();
    }
}
