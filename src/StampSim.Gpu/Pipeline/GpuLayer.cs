using ILGPU.Runtime;
using ILGPU;
using StampSim.Gemm;
using StampSim.Gpu.Kernels;
using StampSim.Gpu.Runtime;
using StampSim.Gpu.Transforms;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Quantization;
using StampSim.Transforms;

namespace StampSim.Gpu.Pipeline;

/// <summary>
/// The STaMP layer of the numerics contract run stage by stage with the ILGPU kernels on a
/// <see cref="GpuDevice"/>, keeping every intermediate for a bit-level comparison with the golden
/// <see cref="StampLayer"/>. Shapes are planned and validated by the golden engine's own rules, so
/// both reject the same inputs with the same messages.
/// </summary>
public sealed class GpuLayer
{
    private readonly GpuDevice _device;

    /// <summary>Creates a runner for the given numerics and MAC array.</summary>
    /// <param name="device">Where the kernels run.</param>
    /// <param name="numerics">The numerics.</param>
    /// <param name="macRows">The MAC array's adder-tree length R (<c>mac_array.rows</c>), the reduction chunk.</param>
    /// <param name="forceOrderedGemm">Cut the reduction into chunks even when overflow is provably impossible.</param>
    public GpuLayer(GpuDevice device, NumericsConfig numerics, int macRows, bool forceOrderedGemm = false)
    {
        _device = device;
        Numerics = numerics;
        MacRows = macRows;
        ForceOrderedGemm = forceOrderedGemm;
    }

    /// <summary>The numerics.</summary>
    public NumericsConfig Numerics { get; }

    /// <summary>The adder-tree length R of the MAC array.</summary>
    public int MacRows { get; }

    /// <summary>True to always cut the reduction into <c>mac_array.rows</c> chunks.</summary>
    public bool ForceOrderedGemm { get; }

    /// <summary>Runs the layer on the device; <paramref name="gemmRepeats"/> &gt; 0 also times that many extra GEMM launches.</summary>
    /// <exception cref="InputException">The shapes do not suit the numerics (the golden engine's rules).</exception>
    public GpuLayerResult Run(LayerInputs inputs, int gemmRepeats = 0)
    {
        int s = inputs.Tokens, d = inputs.Features, n = inputs.Outputs;
        var plan = SequenceTransforms.Plan(Numerics, s);
        int group = ActivationQuantizer.GroupSize(Numerics, d);
        bool hadamard = Numerics.FeatureTransform == FeatureTransformKind.Hadamard;
        if (hadamard) FeatureHadamard.Validate(d);
        var acc = _device.Accelerator;
        var transforms = new DeviceTransforms(_device, plan, DeviceSequenceTransforms.BuiltIn);

        // Stages 0 and 1.
        using var x = acc.Allocate1D(inputs.X.Data);
        using var w = acc.Allocate1D(inputs.W.Data);
        if (hadamard)
        {
            transforms.FeatureHadamard(x.View, s, d);
            transforms.FeatureHadamard(w.View, n, d);
        }
        transforms.Forward(x.View, d);

        // Stage 2 and the weight quantizer.
        using var activations = DeviceQuantizers.Activations(_device, x.View, s, d, group, Numerics);
        using var weights = DeviceQuantizers.Weights(_device, w.View, n, d, group, Numerics.WeightBits);

        // Stages 3 and 4.
        int groups = d / group;
        var layout = GemmLayout.Create(d, group, MacRows, WholeGroups(s, d, group));
        var (accumulators, events, timing) = DeviceGemm.Run(_device, activations, weights, layout, Numerics.Accumulator, groups, gemmRepeats);
        using var accBuffer = accumulators;
        using var yt = Epilogue(activations, weights, accumulators.View, s, n, groups);

        // Stages 5 and 6.
        using var y = acc.Allocate1D<float>(yt.Length);
        yt.View.CopyTo(y.View);
        transforms.Inverse(y.View, n);
        var beforeBias = y.GetAsArray1D();
        if (inputs.Bias is { } bias)
        {
            using var b = acc.Allocate1D(bias);
            var work = _device.Work(y.Length);
            _device.Kernels.Bias(work.Stride, work, y.View, b.View, n);
            acc.Synchronize();   // before the bias buffer is freed
        }
        return new GpuLayerResult(
            x.GetAsArray1D(), activations.Codes.GetAsArray1D(), activations.CodeOffset,
            activations.Scale.GetAsArray1D(), activations.Offset.GetAsArray1D(),
            weights.Codes.GetAsArray1D(), weights.Scale.GetAsArray1D(), weights.RowSum.GetAsArray1D(),
            accumulators.GetAsArray1D(), events, yt.GetAsArray1D(), beforeBias, y.GetAsArray1D(), layout.WholeGroups, timing);
    }

    /// <summary>The golden engine's fast-path condition: no chunk or accumulator can leave its range, and a whole group's sum fits 32 bits.</summary>
    private bool WholeGroups(int tokens, int features, int group) =>
        !ForceOrderedGemm && group <= DeviceGemm.MaxWholeGroup &&
        OverflowBound.CannotOverflow(Numerics, MacRows, tokens, features);

    private MemoryBuffer1D<float, Stride1D.Dense> Epilogue(DeviceActivations a, DeviceWeights w, ArrayView<long> accumulators, int s, int n, int groups)
    {
        var acc = _device.Accelerator;
        using var rsw = acc.Allocate1D<float>((long)groups * n);
        var scales = _device.Work((long)groups * n);
        _device.Kernels.RowSumScales(scales.Stride, scales, w.RowSum.View, w.Scale.View, rsw.View, n);
        var yt = acc.Allocate1D<float>((long)s * n);
        var work = _device.Work((long)s * n);
        _device.Kernels.Dequantize(work.Stride, work, accumulators, a.Scale.View, a.Offset.View, w.Scale.View, rsw.View, yt.View, n, groups);
        acc.Synchronize();   // before the row-sum scales are freed
        return yt;
    }
}
