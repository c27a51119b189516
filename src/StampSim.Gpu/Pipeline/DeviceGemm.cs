using ILGPU.Runtime;
using ILGPU;
using StampSim.Gemm;
using StampSim.Gpu.Kernels;
using StampSim.Gpu.Runtime;
using StampSim.Numerics;

namespace StampSim.Gpu.Pipeline;

/// <summary>Packs both operands in the GEMM layout and runs the tiled integer GEMM.</summary>
internal static class DeviceGemm
{
    /// <summary>
    /// Largest group summed in one piece: 65536 products of at most 255 x 127 stay below 2^31, so
    /// the 32-bit <c>dp4a</c> sums are exact (the golden fast path's limit).
    /// </summary>
    public const int MaxWholeGroup = 65536;

    /// <summary>
    /// Accumulators <c>(s, groups, n)</c> and the range events; with <paramref name="timedRepeats"/> &gt; 0
    /// the kernel is then launched that many more times (same operands, same results) and timed.
    /// </summary>
    public static (MemoryBuffer1D<long, Stride1D.Dense> Accumulators, OverflowEvents Events, GemmTiming? Timing) Run(GpuDevice device,
        DeviceActivations a, DeviceWeights w, GemmLayout layout, AccumulatorConfig widths, int groups, int timedRepeats)
    {
        var acc = device.Accelerator;
        int s = a.Tokens, n = w.Outputs, d = a.Features, words = layout.Words;
        using var start = acc.Allocate1D(layout.WordStart);
        using var length = acc.Allocate1D(layout.WordLength);
        using var flags = acc.Allocate1D(layout.Flags);
        using var packedA = acc.Allocate1D<int>((long)s * words);
        using var packedB = acc.Allocate1D<int>((long)n * words);
        var workA = device.Work((long)s * words);
        device.Kernels.PackActivations(workA.Stride, workA, a.Codes.View, packedA.View, start.View, length.View, d, words, a.CodeOffset != 0 ? 1 : 0);
        var workB = device.Work((long)n * words);
        device.Kernels.PackWeights(workB.Stride, workB, w.Codes.View, packedB.View, start.View, length.View, d, words);

        var result = acc.Allocate1D<long>((long)s * groups * n);
        using var events = acc.Allocate1D<long>(2);
        events.MemSetToZero();
        var p = new GemmParameters(s, n, words, groups, a.CodeOffset != 0 ? 1 : 0, widths.TreeBits, widths.AccBits,
            widths.Overflow == OverflowMode.Wrap ? 1 : 0);
        int tiles = (s + GemmKernels.Tile - 1) / GemmKernels.Tile * ((n + GemmKernels.Tile - 1) / GemmKernels.Tile);
        var config = new KernelConfig(device.GemmGroups(tiles), GemmKernels.GroupThreads);
        device.Kernels.Gemm(config, packedA.View, packedB.View, flags.View, result.View, events.View, p);
        acc.Synchronize();
        var counts = events.GetAsArray1D();
        GemmTiming? timing = null;
        if (timedRepeats > 0)
        {
            // Repeats count their events into a scratch buffer so the reported counts stay those of one pass.
            using var scratch = acc.Allocate1D<long>(2);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (int r = 0; r < timedRepeats; r++)
                device.Kernels.Gemm(config, packedA.View, packedB.View, flags.View, result.View, scratch.View, p);
            acc.Synchronize();
            timing = new GemmTiming(timedRepeats, clock.Elapsed.TotalSeconds / timedRepeats, (long)s * d * n);
        }
        return (result, new OverflowEvents(counts[0], counts[1]), timing);
    }
}
