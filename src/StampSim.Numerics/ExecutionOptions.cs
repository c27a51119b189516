namespace StampSim.Numerics;

/// <summary>Integer GEMM kernel families; <see cref="Auto"/> picks the fastest the CPU supports.</summary>
public enum GemmKernel
{
    /// <summary>Best available.</summary>
    Auto,
    /// <summary>Portable scalar code.</summary>
    Scalar,
    /// <summary>AVX2: u8×s8 dot products emulated with <c>vpmaddwd</c>.</summary>
    Avx2,
    /// <summary>AVX-VNNI: <c>vpdpbusd</c> on 256-bit vectors.</summary>
    AvxVnni,
    /// <summary>
    /// AVX-512BW: <c>vpmaddubsw</c> on 512-bit vectors with 16-bit partial sums widened every few steps;
    /// for weights of at most 4 bits, where no 16-bit sum can saturate.
    /// </summary>
    Avx512Bw,
}

/// <summary>
/// How the engine runs: thread count and kernel choice. These never change a result; tests
/// prove the golden output is bit-identical for every setting.
/// </summary>
/// <param name="MaxThreads">Worker threads; 0 means one per core.</param>
/// <param name="Kernel">Integer GEMM kernel.</param>
/// <param name="ForceOrderedGemm">Use the ordered MAC-array emulation even when overflow is provably impossible.</param>
public sealed record ExecutionOptions(int MaxThreads = 0, GemmKernel Kernel = GemmKernel.Auto, bool ForceOrderedGemm = false)
{
    /// <summary>Default options: all cores, best kernel.</summary>
    public static ExecutionOptions Default { get; } = new();

    /// <summary>Options for <see cref="Parallel"/> loops.</summary>
    public ParallelOptions Parallel => new() { MaxDegreeOfParallelism = MaxThreads > 0 ? MaxThreads : Environment.ProcessorCount };

    /// <summary>Effective number of threads.</summary>
    public int Threads => MaxThreads > 0 ? MaxThreads : Environment.ProcessorCount;
}
