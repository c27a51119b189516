using System.Diagnostics;
using StampSim.Config;
using StampSim.Evaluation;
using StampSim.Gpu.Crosscheck;
using StampSim.Gpu.Pipeline;
using StampSim.Gpu.Runtime;
using StampSim.Numerics;
using StampSim.Pipeline;

namespace StampSim.App.Crosscheck;

/// <summary>
/// The composition behind <c>stampsim crosscheck</c>: the golden layer (through the one layer evaluator,
/// intermediates kept) against the ILGPU kernels on a device, or against a kernel developer's own dumps.
/// </summary>
public static class LayerCrosscheck
{
    /// <summary>Runs <paramref name="inputs"/> on <paramref name="device"/> and compares every stage with the golden layer.</summary>
    /// <param name="inputs">The layer.</param>
    /// <param name="cfg">The config whose numerics and MAC rows it runs under.</param>
    /// <param name="device">Where the kernels run.</param>
    /// <param name="gemmRepeats">Extra launches of the GEMM kernel to time it (0: not timed).</param>
    public static KernelCrosscheck OnDevice(LayerInputs inputs, StampConfig cfg, GpuDevice device, int gemmRepeats = 0)
    {
        var clock = Stopwatch.StartNew();
        var golden = Golden(inputs, cfg);
        double goldenSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var gpu = new GpuLayer(device, cfg.Numerics, cfg.MacArray.Rows).Run(inputs, gemmRepeats);
        double kernelSeconds = clock.Elapsed.TotalSeconds;
        return new KernelCrosscheck(golden, LayerComparison.Compare(inputs, golden, gpu), goldenSeconds, kernelSeconds, gpu.WholeGroupGemm, gpu.GemmTiming);
    }

    /// <summary>Compares a user's dumps of <paramref name="inputs"/> with the golden layer.</summary>
    /// <param name="inputs">The layer.</param>
    /// <param name="cfg">The config whose numerics and MAC rows it runs under.</param>
    /// <param name="outputs">The kernel's dumps.</param>
    /// <param name="ulpTolerance">Ulps a float stage may be off from its own inputs and pass (0: exact).</param>
    public static ExternalCrosscheck External(LayerInputs inputs, StampConfig cfg, ExternalOutputs outputs, long ulpTolerance = 0)
    {
        var golden = Golden(inputs, cfg);
        return new ExternalCrosscheck(golden, ExternalComparison.Compare(inputs, golden, cfg.Golden, outputs, ulpTolerance));
    }

    /// <summary>The golden layer with its intermediates (what <c>--dump</c> writes, through <see cref="GoldenStages"/>).</summary>
    public static LayerResult Golden(LayerInputs inputs, StampConfig cfg) =>
        new LayerEvaluator(ExecutionOptions.Default).RunNumerics(new LayerSubject(inputs.Name), inputs, cfg.Golden, keepIntermediates: true).Result;
}
