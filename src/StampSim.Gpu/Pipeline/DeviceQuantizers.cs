using ILGPU.Runtime;
using ILGPU;
using StampSim.Gpu.Kernels;
using StampSim.Gpu.Runtime;
using StampSim.Numerics;
using StampSim.Quantization;

namespace StampSim.Gpu.Pipeline;

/// <summary>Launches the quantizer kernels.</summary>
internal static class DeviceQuantizers
{
    /// <summary>Stage 2: the activation quantizer with the contract's positional bit allocation.</summary>
    public static DeviceActivations Activations(GpuDevice device, ArrayView<float> x, int s, int d, int group, NumericsConfig numerics)
    {
        var acc = device.Accelerator;
        int groups = d / group;
        int symmetric = numerics.ActQuant == ActQuantKind.Symmetric ? 1 : 0;
        using var bits = acc.Allocate1D(TokenBits.Allocate(s, numerics.HiTokens, numerics.HiBits, numerics.LoBits));
        var result = new DeviceActivations(acc.Allocate1D<byte>((long)s * d), acc.Allocate1D<float>((long)s * groups),
            acc.Allocate1D<float>((long)s * groups), symmetric != 0 ? ActivationQuantizerKernels.SymmetricStoreOffset : 0, s, d);
        var rows = device.Work((long)s * groups);
        device.Kernels.ActivationScales(rows.Stride, rows, x, bits.View, result.Scale.View, result.Offset.View, d, group, symmetric);
        var all = device.Work((long)s * d);
        device.Kernels.ActivationCodes(all.Stride, all, x, bits.View, result.Scale.View, result.Offset.View, result.Codes.View, d, group, symmetric);
        acc.Synchronize();   // before the bit allocation is freed
        return result;
    }

    /// <summary>The offline per-channel weight quantizer and the per-group row sums.</summary>
    public static DeviceWeights Weights(GpuDevice device, ArrayView<float> w, int n, int d, int group, int bits)
    {
        var acc = device.Accelerator;
        int qmax = SymmetricQuantizer.MaxCode(bits);
        int groups = d / group;
        var result = new DeviceWeights(acc.Allocate1D<sbyte>((long)n * d), acc.Allocate1D<float>(n), acc.Allocate1D<int>((long)groups * n), n);
        var channels = device.Work(n);
        device.Kernels.WeightScales(channels.Stride, channels, w, result.Scale.View, d, qmax);
        var all = device.Work((long)n * d);
        device.Kernels.WeightCodes(all.Stride, all, w, result.Scale.View, result.Codes.View, d, qmax);
        var sums = device.Work((long)groups * n);
        device.Kernels.WeightRowSums(sums.Stride, sums, result.Codes.View, result.RowSum.View, n, d, group);
        return result;
    }
}
