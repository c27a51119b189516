using StampSim.Gemm;
using StampSim.Numerics;
using StampSim.Quantization;
using StampSim.Tests.Support;

namespace StampSim.Tests.Gemm;

public class MacArrayTests
{
    [Theory]
    [InlineData(100L, 8, OverflowMode.Saturate, 100L, 0)]
    [InlineData(127L, 8, OverflowMode.Saturate, 127L, 0)]
    [InlineData(128L, 8, OverflowMode.Saturate, 127L, 1)]
    [InlineData(-129L, 8, OverflowMode.Saturate, -128L, 1)]
    [InlineData(128L, 8, OverflowMode.Wrap, -128L, 1)]
    [InlineData(300L, 8, OverflowMode.Wrap, 44L, 1)]
    [InlineData(-300L, 8, OverflowMode.Wrap, -44L, 1)]
    public void Bring_into_range(long v, int bits, OverflowMode mode, long expected, int events)
    {
        long count = 0;
        Assert.Equal(expected, new SignedRange(bits, mode).Bring(v, ref count));
        Assert.Equal(events, count);
    }

    [Theory]
    [InlineData(16, 32, 32, 4096, true)]    // 4096 * 255 * 7 fits 32 bits
    [InlineData(16, 15, 32, 4096, false)]   // a chunk of 16 * 255 * 7 = 28560 does not fit 15 bits
    [InlineData(16, 17, 24, 4096, true)]    // 28560 fits 17 bits; 4096*1785 = 7.3M fits 24 bits
    [InlineData(16, 17, 23, 4096, false)]
    public void Overflow_bound_from_bit_widths(int rows, int tree, int acc, int d, bool safe)
    {
        var mac = new MacArray(rows, new AccumulatorConfig { TreeBits = tree, AccBits = acc });
        Assert.Equal(safe, mac.CannotOverflow(255, 7, d));
    }

    [Fact]
    public void Constructed_saturation_and_wrap_counts_by_hand()
    {
        // One token of 8 ones at 8 bits (all codes 255 after minmax with a single 0 elsewhere is awkward),
        // so build codes directly: a = 255 x 8, w = 7 x 8, R = 4: each chunk 4*255*7 = 7140.
        // tree 12 bits (max 2047): both chunks saturate to 2047 (2 events); acc 12 bits: 2047 + 2047 = 4094 > 2047 -> 1 event.
        var x = new QuantizedActivations(1, 8, 8, Enumerable.Repeat((byte)255, 8).ToArray(), 0, [1f], [0f], [8]);
        var w = new QuantizedWeights(1, 8, 8, Enumerable.Repeat((sbyte)7, 8).ToArray(), [1f], [56], 4);
        var y = new float[1];
        var sat = IntegerGemm.Multiply(x, w, new MacArray(4, new AccumulatorConfig { TreeBits = 12, AccBits = 12 }), ExecutionOptions.Default, y);
        Assert.False(sat.FastPath);
        Assert.Equal(new OverflowEvents(2, 1), sat.Events);
        Assert.Equal(2047f, y[0]);
        // wrap: 7140 mod 4096 = 3044 -> 3044 - 4096 = -1052 per chunk; acc: -1052, then -2104 -> wraps to 1992.
        var wrap = IntegerGemm.Multiply(x, w, new MacArray(4, new AccumulatorConfig { TreeBits = 12, AccBits = 12, Overflow = OverflowMode.Wrap }), ExecutionOptions.Default, y);
        Assert.Equal(new OverflowEvents(2, 1), wrap.Events);
        Assert.Equal(1992f, y[0]);
    }

    [Fact]
    public void Fast_path_equals_ordered_emulation_on_random_layers_for_every_kernel_and_thread_count()
    {
        int s = 75, d = 200, n = 45;
        var numerics = new NumericsConfig { HiTokens = 10, ActGroup = 40 };
        var x = ActivationQuantizer.Quantize(TestData.Activations(s, d, 1).Data, s, d, numerics, ExecutionOptions.Default);
        var w = WeightQuantizer.Quantize(TestData.Weights(n, d, 2).Data, n, d, 4, 40, ExecutionOptions.Default);
        var mac = new MacArray(7, new AccumulatorConfig());
        var reference = new float[s * n];
        var refAcc = new long[s * 5 * n];
        var outcome = IntegerGemm.Multiply(x, w, mac, new ExecutionOptions(1, GemmKernel.Scalar, ForceOrderedGemm: true), reference, refAcc);
        Assert.False(outcome.FastPath);
        foreach (var kernel in MicroKernels.Supported(w.Bits))
        {
            foreach (int threads in new[] { 1, 2, 5 })
            {
                foreach (bool ordered in new[] { false, true })
                {
                    var y = new float[s * n];
                    var acc = new long[s * 5 * n];
                    var o = IntegerGemm.Multiply(x, w, mac, new ExecutionOptions(threads, kernel, ordered), y, acc);
                    Assert.Equal(!ordered, o.FastPath);
                    Assert.Equal(refAcc, acc);
                    TestData.AssertBitsEqual(reference, y, $"{kernel} threads={threads} ordered={ordered}");
                }
            }
        }
    }

    [Fact]
    public void Accumulators_equal_the_exact_integer_dot_products()
    {
        int s = 13, d = 37, n = 19;
        var numerics = new NumericsConfig { HiTokens = 3, ActQuant = ActQuantKind.Symmetric };
        var x = ActivationQuantizer.Quantize(TestData.Activations(s, d, 3).Data, s, d, numerics, ExecutionOptions.Default);
        var w = WeightQuantizer.Quantize(TestData.Weights(n, d, 4).Data, n, d, 8, d, ExecutionOptions.Default);
        var acc = new long[s * n];
        IntegerGemm.Multiply(x, w, new MacArray(16, new AccumulatorConfig()), ExecutionOptions.Default, new float[s * n], acc);
        for (int i = 0; i < s; i++)
            for (int c = 0; c < n; c++)
            {
                long expected = 0;
                for (int j = 0; j < d; j++) expected += (long)x.Code(i, j) * w.Codes[c * d + j];
                Assert.Equal(expected, acc[i * n + c]);
            }
    }

    // The 512-bit kernel sums in 16-bit lanes between widenings: the largest codes (255 against ±7)
    // over long segments must still give the exact sums of every other kernel.
    [SkippableFact]
    public void Every_kernel_gives_exact_sums_at_the_largest_codes()
    {
        int s = 7, d = 1000, n = 19;
        var codes = new byte[s * d];
        var weights = new sbyte[n * d];
        var rng = new Random(8);
        for (int k = 0; k < codes.Length; k++) codes[k] = rng.Next(4) == 0 ? (byte)rng.Next(256) : (byte)255;
        for (int k = 0; k < weights.Length; k++) weights[k] = rng.Next(4) == 0 ? (sbyte)rng.Next(-7, 8) : (sbyte)(k % 3 == 0 ? -7 : 7);
        var rowSums = new int[n];
        for (int c = 0; c < n; c++) rowSums[c] = CodeSums.Sum(weights.AsSpan(c * d, d));
        var x = new QuantizedActivations(s, d, d, codes, 0, Enumerable.Repeat(1f, s).ToArray(), new float[s], Enumerable.Repeat(8, s).ToArray());
        var w = new QuantizedWeights(n, d, d, weights, Enumerable.Repeat(1f, n).ToArray(), rowSums, 4);
        var kernels = MicroKernels.Supported(4);
        Skip.IfNot(kernels.Contains(GemmKernel.Avx512Bw), "the CPU has no AVX-512BW");
        foreach (var kernel in kernels)
        {
            var acc = new long[s * n];
            IntegerGemm.Multiply(x, w, new MacArray(16, new AccumulatorConfig()), new ExecutionOptions(1, kernel), new float[s * n], acc);
            for (int i = 0; i < s; i++)
                for (int c = 0; c < n; c++)
                {
                    long expected = 0;
                    for (int j = 0; j < d; j++) expected += codes[i * d + j] * weights[c * d + j];
                    Assert.True(expected == acc[i * n + c], $"{kernel}: token {i}, channel {c}: {acc[i * n + c]} != {expected}");
                }
        }
    }

    [SkippableFact]
    public void The_512_bit_kernel_refuses_weights_wider_than_4_bits()
    {
        Skip.IfNot(MicroKernels.Supported(4).Contains(GemmKernel.Avx512Bw), "the CPU has no AVX-512BW");
        Assert.DoesNotContain(GemmKernel.Avx512Bw, MicroKernels.Supported(5));
        Assert.Throws<InputException>(() => MicroKernels.Resolve(GemmKernel.Avx512Bw, 8));
        Assert.Equal(GemmKernel.Avx512Bw, MicroKernels.Resolve(GemmKernel.Auto, 4));
    }
}
