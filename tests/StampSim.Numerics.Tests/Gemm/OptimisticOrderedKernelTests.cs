using StampSim.Gemm;
using StampSim.Numerics;
using StampSim.Quantization;
using StampSim.Tests.Support;

namespace StampSim.Tests.Gemm;

public class OptimisticOrderedKernelTests
{
    // The optimistic kernel (avx_vnni, ordered) must give the ordered emulation's bits and event counts,
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
        foreach (var (tree, accBits) in new[] { (12, 16), (13, 15), (11, 13), (16, 20), (30, 14), (30, 12), (30, 30) })
        {
            var mac = new MacArray(16, new AccumulatorConfig { TreeBits = tree, AccBits = accBits, Overflow = mode });
            var reference = new float[s * n];
            var refAcc = new long[s * 4 * n];
            var exact = IntegerGemm.Multiply(x, w, mac, new ExecutionOptions(1, GemmKernel.Scalar, ForceOrderedGemm: true), reference, refAcc);
            foreach (int threads in new[] { 1, 3 })
            {
                var y = new float[s * n];
                var acc = new long[s * 4 * n];
                var fast = IntegerGemm.Multiply(x, w, mac, new ExecutionOptions(threads, GemmKernel.AvxVnni, ForceOrderedGemm: true), y, acc);
                Assert.Equal(exact.Events, fast.Events);
                Assert.Equal(refAcc, acc);
                TestData.AssertBitsEqual(reference, y, $"tree {tree} acc {accBits} threads {threads}");
            }
            // Some groups overflow and others do not: both branches ran.
            if (exact.Events.Total > 0 && exact.Events.Total < (long)s * n * 4) sawMixed = true;
        }
        Assert.True(sawMixed, "no setting mixed overflowing and clean groups");
    }
}
