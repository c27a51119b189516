using ILGPU;
using ILGPU.Runtime;
using StampSim.Gpu.Runtime;
using StampSim.Numerics;
using StampSim.Transforms;

namespace StampSim.Gpu.Transforms;

/// <summary><c>haar</c>: one butterfly kernel launch per level.</summary>
internal sealed class DeviceHaar : IDeviceSequenceTransform
{
    /// <summary>The butterfly scale 1/√2 in float32, as the golden engine computes it; also <see cref="DeviceHaar2d"/>'s.</summary>
    internal static readonly float InvSqrt2 = (float)(1.0 / Math.Sqrt(2.0));

    /// <inheritdoc />
    public SequenceTransformKind Kind => SequenceTransformKind.Haar;

    /// <inheritdoc />
    public void Run(GpuDevice device, SequenceTransformPlan plan, ArrayView<float> region, int cols, bool forward)
    {
        // Band lengths of the levels that do something (a one-token band is left alone, as in the golden engine).
        var lengths = new List<int>();
        for (int m = plan.TransformedTokens, j = 0; j < plan.Levels && m > 1; j++, m = (m + 1) / 2)
            lengths.Add(m);
        if (lengths.Count == 0) return;
        using var tmp = device.Accelerator.Allocate1D<float>(region.Length);
        if (!forward) lengths.Reverse();
        foreach (int m in lengths)
        {
            var work = device.Work((long)m * cols);
            var kernel = forward ? device.Kernels.HaarForward : device.Kernels.HaarInverse;
            kernel(work.Stride, work, region, tmp.View, m, cols, InvSqrt2);
            tmp.View.SubView(0, work.Count).CopyTo(region.SubView(0, work.Count));
        }
        device.Accelerator.Synchronize();   // launches are asynchronous on CUDA: free the scratch only once they are done
    }
}
