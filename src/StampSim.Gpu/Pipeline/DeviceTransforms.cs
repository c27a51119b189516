using ILGPU.Runtime;
using ILGPU;
using StampSim.Gpu.Runtime;
using StampSim.Numerics;
using StampSim.Transforms;

namespace StampSim.Gpu.Pipeline;

/// <summary>
/// Runs the sequence transform of a resolved plan, and the feature Hadamard transform, on device
/// data with the transform kernels. Prefix tokens stay in front, untouched.
/// </summary>
internal sealed class DeviceTransforms(GpuDevice device, SequenceTransformPlan plan)
{
    private static readonly float InvSqrt2 = (float)(1.0 / Math.Sqrt(2.0));

    private Accelerator Acc => device.Accelerator;

    private KernelSet K => device.Kernels;

    /// <summary>Forward sequence transform of <paramref name="data"/> (tokens x <paramref name="cols"/>).</summary>
    public void Forward(ArrayView<float> data, int cols) => Run(data, cols, forward: true);

    /// <summary>Inverse sequence transform.</summary>
    public void Inverse(ArrayView<float> data, int cols) => Run(data, cols, forward: false);

    /// <summary><c>WHT_cols</c> of every row of <paramref name="data"/> (rows x <paramref name="cols"/>, cols a power of two).</summary>
    public void FeatureHadamard(ArrayView<float> data, int rows, int cols) => Wht(data, vectors: rows, m: cols, vectorStride: cols, elementStride: 1);

    private void Run(ArrayView<float> data, int cols, bool forward)
    {
        int s = plan.TransformedTokens;
        if (s == 0) return;
        var region = data.SubView((long)plan.PrefixTokens * cols, (long)s * cols);
        switch (plan.Kind)
        {
            case SequenceTransformKind.Haar:
                Haar(region, s, cols, forward);
                break;
            case SequenceTransformKind.Haar2d:
                Haar2d(region, cols, forward);
                break;
            case SequenceTransformKind.Wht:
                Wht(region, vectors: cols, m: s, vectorStride: 1, elementStride: cols);
                break;
            case SequenceTransformKind.Dct:
                Dct(region, s, cols, forward);
                break;
        }
    }

    private void Haar(ArrayView<float> region, int s, int cols, bool forward)
    {
        // Band lengths of the levels that do something (a one-token band is left alone, as in the golden engine).
        var lengths = new List<int>();
        for (int m = s, j = 0; j < plan.Levels && m > 1; j++, m = (m + 1) / 2)
            lengths.Add(m);
        if (lengths.Count == 0) return;
        using var tmp = Acc.Allocate1D<float>(region.Length);
        if (!forward) lengths.Reverse();
        foreach (int m in lengths)
        {
            var work = device.Work((long)m * cols);
            var kernel = forward ? K.HaarForward : K.HaarInverse;
            kernel(work.Stride, work, region, tmp.View, m, cols, InvSqrt2);
            tmp.View.SubView(0, work.Count).CopyTo(region.SubView(0, work.Count));
        }
        Acc.Synchronize();   // launches are asynchronous on CUDA: free the scratch only once they are done
    }

    private void Haar2d(ArrayView<float> region, int cols, bool forward)
    {
        if (plan.Levels == 0) return;
        var grid = plan.Grid!;
        using var tmp = Acc.Allocate1D<float>(region.Length);
        for (int i = 0; i < plan.Levels; i++)
        {
            int j = forward ? i : plan.Levels - 1 - i;
            int h = grid.Height >> j, w = grid.Width >> j;
            var work = device.Work((long)h * w * cols);
            var kernel = forward ? K.Haar2dForward : K.Haar2dInverse;
            kernel(work.Stride, work, region, tmp.View, h, w, cols, InvSqrt2);
            tmp.View.SubView(0, work.Count).CopyTo(region.SubView(0, work.Count));
        }
        Acc.Synchronize();
    }

    private void Wht(ArrayView<float> data, int vectors, int m, int vectorStride, int elementStride)
    {
        var pairs = device.Work((long)vectors * (m / 2));
        for (int h = 1; h < m; h <<= 1)
            K.WhtStage(pairs.Stride, pairs, data, m, h, vectorStride, elementStride);
        var all = device.Work((long)vectors * m);
        K.WhtScale(all.Stride, all, data, WalshHadamard.Scale<float>(m));
    }

    private void Dct(ArrayView<float> region, int s, int cols, bool forward)
    {
        var golden = new DctTransform(s, ExecutionOptions.Default);
        using var matrix = Acc.Allocate1D(forward ? golden.ForwardMatrix() : golden.InverseMatrix());
        using var tmp = Acc.Allocate1D<float>(region.Length);
        var work = device.Work(region.Length);
        K.Dct(work.Stride, work, region, tmp.View, matrix.View, s, cols);
        tmp.View.CopyTo(region);
        Acc.Synchronize();
    }
}
