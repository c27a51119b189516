using ILGPU;
using ILGPU.Runtime;
using StampSim.Gpu.Arithmetic;
using StampSim.Gpu.Kernels;
using FloatLevel = System.Action<ILGPU.Index1D, StampSim.Gpu.Kernels.Work, ILGPU.ArrayView<float>, ILGPU.ArrayView<float>, int, int, float>;
using FloatLevel2d = System.Action<ILGPU.Index1D, StampSim.Gpu.Kernels.Work, ILGPU.ArrayView<float>, ILGPU.ArrayView<float>, int, int, int, float>;

namespace StampSim.Gpu.Runtime;

/// <summary>
/// Every kernel loaded for one accelerator, instantiated with the arithmetic that accelerator
/// needs: <see cref="PtxArithmetic"/> on CUDA, <see cref="ManagedArithmetic"/> on the CPU accelerator.
/// </summary>
internal sealed class KernelSet
{
    public required FloatLevel HaarForward { get; init; }
    public required FloatLevel HaarInverse { get; init; }
    public required FloatLevel2d Haar2dForward { get; init; }
    public required FloatLevel2d Haar2dInverse { get; init; }
    public required Action<Index1D, Work, ArrayView<float>, int, int, int, int> WhtStage { get; init; }
    public required Action<Index1D, Work, ArrayView<float>, float> WhtScale { get; init; }
    public required Action<Index1D, Work, ArrayView<float>, ArrayView<float>, ArrayView<double>, int, int> Dct { get; init; }
    public required Action<Index1D, Work, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, int, int, int> ActivationScales { get; init; }
    public required Action<Index1D, Work, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<byte>, int, int, int> ActivationCodes { get; init; }
    public required Action<Index1D, Work, ArrayView<float>, ArrayView<float>, int, int> WeightScales { get; init; }
    public required Action<Index1D, Work, ArrayView<float>, ArrayView<float>, ArrayView<sbyte>, int, int> WeightCodes { get; init; }
    public required Action<Index1D, Work, ArrayView<sbyte>, ArrayView<int>, int, int, int> WeightRowSums { get; init; }
    public required Action<Index1D, Work, ArrayView<byte>, ArrayView<int>, ArrayView<int>, ArrayView<int>, int, int, int> PackActivations { get; init; }
    public required Action<Index1D, Work, ArrayView<sbyte>, ArrayView<int>, ArrayView<int>, ArrayView<int>, int, int> PackWeights { get; init; }
    public required Action<KernelConfig, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<long>, ArrayView<long>, GemmParameters> Gemm { get; init; }
    public required Action<Index1D, Work, ArrayView<int>, ArrayView<float>, ArrayView<float>, int> RowSumScales { get; init; }
    public required Action<Index1D, Work, ArrayView<long>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int> Dequantize { get; init; }
    public required Action<Index1D, Work, ArrayView<float>, ArrayView<float>, int> Bias { get; init; }

    /// <summary>Loads (compiles) every kernel for <paramref name="accelerator"/>.</summary>
    public static KernelSet Load(Accelerator accelerator) =>
        accelerator.AcceleratorType == AcceleratorType.Cuda ? Load<PtxArithmetic>(accelerator) : Load<ManagedArithmetic>(accelerator);

    private static KernelSet Load<TA>(Accelerator acc) where TA : struct, IFloatArithmetic => new()
    {
        HaarForward = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<float>, ArrayView<float>, int, int, float>(HaarKernels.Forward<TA>),
        HaarInverse = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<float>, ArrayView<float>, int, int, float>(HaarKernels.Inverse<TA>),
        Haar2dForward = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<float>, ArrayView<float>, int, int, int, float>(Haar2dKernels.Forward<TA>),
        Haar2dInverse = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<float>, ArrayView<float>, int, int, int, float>(Haar2dKernels.Inverse<TA>),
        WhtStage = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<float>, int, int, int, int>(WhtKernels.Stage<TA>),
        WhtScale = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<float>, float>(WhtKernels.Scale<TA>),
        Dct = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<float>, ArrayView<float>, ArrayView<double>, int, int>(DctKernels.Apply<TA>),
        ActivationScales = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, int, int, int>(
            ActivationQuantizerKernels.Scales<TA>),
        ActivationCodes = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, ArrayView<byte>, int, int, int>(
            ActivationQuantizerKernels.Codes<TA>),
        WeightScales = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<float>, ArrayView<float>, int, int>(WeightQuantizerKernels.Scales<TA>),
        WeightCodes = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<float>, ArrayView<float>, ArrayView<sbyte>, int, int>(WeightQuantizerKernels.Codes<TA>),
        WeightRowSums = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<sbyte>, ArrayView<int>, int, int, int>(WeightQuantizerKernels.RowSums),
        PackActivations = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<byte>, ArrayView<int>, ArrayView<int>, ArrayView<int>, int, int, int>(PackKernels.Activations),
        PackWeights = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<sbyte>, ArrayView<int>, ArrayView<int>, ArrayView<int>, int, int>(PackKernels.Weights),
        Gemm = acc.LoadStreamKernel<ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<long>, ArrayView<long>, GemmParameters>(GemmKernels.Multiply),
        RowSumScales = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<int>, ArrayView<float>, ArrayView<float>, int>(EpilogueKernels.RowSumScales<TA>),
        Dequantize = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<long>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int>(
            EpilogueKernels.Dequantize<TA>),
        Bias = acc.LoadAutoGroupedStreamKernel<Index1D, Work, ArrayView<float>, ArrayView<float>, int>(EpilogueKernels.Bias<TA>),
    };
}
