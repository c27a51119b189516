using System.Diagnostics;
using StampSim.Config;
using StampSim.Gemm;
using StampSim.Hardware;
using StampSim.Metrics;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Quantization;
using StampSim.Tensors;
using StampSim.Reports.Bench;

namespace StampSim.App.Bench;

/// <summary>
/// The measurements behind <c>stampsim bench</c>: the golden layer, the integer GEMM against the
/// machine's int8 peak with the same instructions, the cost model, and NumPy's float32 GEMM of the same shape.
/// </summary>
public static class BenchRun
{
    /// <summary>
    /// Measures everything on a random layer of <paramref name="shape"/>; <paramref name="progress"/> hears what is being measured.
    /// <paramref name="selection"/> turns on the child-process measurements.
    /// </summary>
    public static BenchResult Measure(LayerShape shape, int reps, ExecutionOptions exec, StampConfig cfg, AcceleratorConfig hw, BenchSelection selection,
        Action<string> progress)
    {
        int s = shape.Tokens, d = shape.Features, n = shape.Outputs;
        var numerics = new NumericsConfig();
        var inputs = RandomLayer(s, d, n);
        var engine = new StampLayer(cfg.Golden with { Numerics = numerics }, exec);

        progress("golden layer");
        double layer = Timing.MedianSeconds(reps, () => engine.Run(inputs));
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var result = engine.Run(inputs);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        progress("metrics");
        double metrics = Timing.MedianSeconds(reps, () => LayerMetrics.Compute(inputs, result, numerics, exec));

        // Widths at which overflow is possible, so the GEMM emulates the array's order with range checks.
        progress("ordered emulation (tree_bits 16, acc_bits 20)");
        var narrow = numerics with { Accumulator = numerics.Accumulator with { TreeBits = 16, AccBits = 20 } };
        var orderedEngine = new StampLayer(cfg.Golden with { Numerics = narrow }, exec);
        LayerResult? orderedResult = null;
        double ordered = Timing.MedianSeconds(reps, () => orderedResult = orderedEngine.Run(inputs));

        progress("integer GEMM");
        var transformed = (float[])inputs.X.Data.Clone();
        var qx = ActivationQuantizer.Quantize(transformed, s, d, numerics, exec);
        var qw = WeightQuantizer.Quantize(inputs.W.Data, n, d, numerics.WeightBits, d, exec);
        var mac = new MacArray(cfg.MacArray.Rows, numerics.Accumulator);
        var yt = new float[(long)s * n];
        GemmOutcome? outcome = null;
        double gemm = Timing.MedianSeconds(reps, () => outcome = IntegerGemm.Multiply(qx, qw, mac, exec, yt));

        progress($"int8 peak ({ConfigNames.Of(outcome!.Kernel)})");
        double peak = Int8Peak.MacsPerSecond(outcome.Kernel, exec.Threads, TimeSpan.FromSeconds(0.4));
        double? vnniPeak = outcome.Kernel == GemmKernel.AvxVnni ? peak
            : System.Runtime.Intrinsics.X86.AvxVnni.IsSupported ? Int8Peak.MacsPerSecond(GemmKernel.AvxVnni, exec.Threads, TimeSpan.FromSeconds(0.4)) : null;

        progress("cost model");
        const int calls = 200;
        double cost = Timing.MedianSeconds(reps, () =>
        {
            for (int i = 0; i < calls; i++) CostModel.Evaluate(shape, numerics, cfg.MacArray, hw);
        }) / calls;

        (double? Seconds, double? Float64Seconds, string Detail) np = (null, null, "skipped (--no-numpy)");
        if (selection.Numpy)
        {
            progress("NumPy float32 and float64 GEMM");
            np = NumpyBaseline.Measure(s, d, n, reps);
        }

        (double? Seconds, double? OwnSeconds, string Detail) process = (null, null, "skipped (--no-process)");
        if (selection.LayerProcess)
        {
            progress("stampsim layer process");
            process = LayerProcess.Measure(inputs.X, inputs.W, exec.Threads, Math.Min(reps, 3));
        }

        (double? ReplaySeconds, double? SweepSeconds, string Detail) block = (null, null, "skipped (no --block-sweep)");
        if (selection.BlockSweep)
            block = BlockSweep.Measure(selection.ConfigPath, exec.Threads, progress);

        (double? Seconds, string Detail) onnx = (null, "skipped (no --onnx-model)");
        if (selection.OnnxModel is { } model)
        {
            progress($"eval onnx, {OnnxSentences.Sentences} sentences");
            onnx = OnnxSentences.Measure(model, selection.OnnxText ?? throw new ArgumentException("an eval onnx row needs its text", nameof(selection)), exec.Threads);
        }
        return new BenchResult(shape, exec.Threads, reps, outcome.Kernel, outcome.FastPath, layer, metrics, ordered,
            orderedResult!.Gemm.Events.Total, gemm, peak, vnniPeak, cost, np.Seconds, np.Float64Seconds, np.Detail,
            new ProcessTimes(process.Seconds, process.OwnSeconds, process.Detail),
            new BlockSweepTimes(block.ReplaySeconds, block.SweepSeconds, BlockSweep.Settings, block.Detail),
            new OnnxEvalTime(onnx.Seconds, OnnxSentences.Sentences, onnx.Detail),
            allocated, Process.GetCurrentProcess().PeakWorkingSet64);
    }

    private static LayerInputs RandomLayer(int s, int d, int n)
    {
        var rng = new Random(2510);
        var x = new Matrix<float>(s, d);
        var w = new Matrix<float>(n, d);
        // AR(1) activations along the sequence, the structure STaMP expects; Gaussian-like weights.
        for (int j = 0; j < d; j++)
        {
            float v = 0;
            for (int i = 0; i < s; i++)
            {
                v = 0.9f * v + (float)(rng.NextDouble() - 0.5);
                x[i, j] = v;
            }
        }
        for (int k = 0; k < w.Data.Length; k++) w.Data[k] = (float)((rng.NextDouble() - 0.5) / Math.Sqrt(d));
        return new LayerInputs(x, w, null);
    }
}
