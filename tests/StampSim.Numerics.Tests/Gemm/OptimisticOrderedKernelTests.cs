using StampSim.Gemm;
using StampSim.Numerics;
using StampSim.Quantization;
using StampSim.Tests.Support;

namespace StampSim.Tests.Gemm;

public class OptimisticOrderedKernelTests
{
    // The optimistic kernel (AVX-VNNI, used under both the avx_vnni and the avx512_bw kernel) must give the ordered emulation's bits and event counts,
    // whether a group stays in range (kept) or not (redone chunk by chunk), with and without a code offset.
    [SkippableTheory]
    [InlineData(ActQuantKind.Minmax, OverflowMode.Saturate)]
    [InlineData(ActQuantKind.Minmax, OverflowMode.Wrap)]
    [InlineData(ActQuantKind.Symmetric, OverflowMode.Saturate)]
    [InlineData(ActQuantKind.Symmetric, OverflowMode.Wrap)]
    public void Optimistic_groups_equal_the_scalar_ordered_emulation(ActQuantKind quantizer, OverflowMode mode)
    {
        Skip.IfNot(OptimisticOrderedKernel.IsSupported, "the CPU has no AVX-VNNI");
        int s = 40, d = 256, n = 37;
        var numerics = new NumericsConfig { HiTokens = 8, ActGroup = 64, ActQuant = quantizer };
        var x = ActivationQuantizer.Quantize(TestData.Activations(s, d, 5).Data, s, d, numerics, ExecutionOptions.Default);
        var w = WeightQuantizer.Quantize(TestData.Weights(n, d, 6).Data, n, d, 4, 64, ExecutionOptions.Default);
        bool sawMixed = false;
        // Chunks of 16 and of 64 products (the 512-bit form widens its 16-bit sums inside the longer ones).
        foreach (int rows in new[] { 16, 64 })
        foreach (var (tree, accBits) in new[] { (12, 16), (13, 15), (11, 13), (16, 20), (30, 14), (30, 12), (30, 30) })
        {
            var mac = new MacArray(rows, new AccumulatorConfig { TreeBits = tree, AccBits = accBits, Overflow = mode });
            var reference = new float[s * n];
            var refAcc = new long[s * 4 * n];
            var exact = IntegerGemm.Multiply(x, w, mac, new ExecutionOptions(1, GemmKernel.Scalar, ForceOrderedGemm: true), reference, refAcc);
            foreach (var kernel in MicroKernels.Supported(4).Where(k => k is GemmKernel.AvxVnni or GemmKernel.Avx512Bw))
                foreach (int threads in new[] { 1, 3 })
                {
                    var y = new float[s * n];
                    var acc = new long[s * 4 * n];
                    var fast = IntegerGemm.Multiply(x, w, mac, new ExecutionOptions(threads, kernel, ForceOrderedGemm: true), y, acc);
                    Assert.Equal(exact.Events, fast.Events);
                    Assert.Equal(refAcc, acc);
                    TestData.AssertBitsEqual(reference, y, $"{kernel}: rows {rows} tree {tree} acc {accBits} threads {threads}");
                }
            // Some groups overflow and others do not: both branches ran.
            if (exact.Events.Total > 0 && exact.Events.Total < (long)s * n * 4) sawMixed = true;
        }
        Assert.True(sawMixed, "no setting mixed overflowing and clean groups");
    }
}
