using BenchmarkDotNet.Attributes;
using StampSim.Gemm;
using StampSim.Hardware;
using StampSim.Metrics;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Quantization;
using StampSim.Transforms;

namespace StampSim.Benchmarks;

/// <summary>Each golden stage and the whole layer at LLaMA-3-8B shapes (s = 2048, d = 4096, n = 4096 or 14336).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class StageBenchmarks
{
    private readonly NumericsConfig _numerics = new();
    private LayerInputs _inputs = null!;
    private ISequenceTransform _transform = null!;
    private float[] _transformed = null!;
    private float[] _scratch = null!;
    private float[] _output = null!;
    private QuantizedActivations _qx = null!;
    private QuantizedWeights _qw = null!;
    private MacArray _mac = null!;
    private MacArray _narrowMac = null!;
    private StampLayer _layer = null!;
    private LayerResult _result = null!;

    /// <summary>Output channels: attention (4096) or MLP up/gate (14336).</summary>
    [Params(4096, 14336)]
    public int Outputs { get; set; }

    /// <summary>Builds the layer and its intermediates once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var exec = ExecutionOptions.Default;
        _inputs = LlamaShapes.Layer(Outputs);
        _transform = SequenceTransforms.Create(_numerics, LlamaShapes.Tokens, exec);
        _transformed = (float[])_inputs.X.Data.Clone();
        _transform.Forward(_transformed, LlamaShapes.Hidden);
        _scratch = new float[_transformed.Length];
        _qx = Quantization.ActivationQuantizer.Quantize(_transformed, LlamaShapes.Tokens, LlamaShapes.Hidden, _numerics, exec);
        _qw = Quantization.WeightQuantizer.Quantize(_inputs.W.Data, Outputs, LlamaShapes.Hidden, _numerics.WeightBits, LlamaShapes.Hidden, exec);
        _output = new float[(long)LlamaShapes.Tokens * Outputs];
        _mac = new MacArray(16, _numerics.Accumulator);
        _narrowMac = new MacArray(16, new AccumulatorConfig { TreeBits = 16, AccBits = 24 });
        _layer = new StampLayer(new GoldenSettings(_numerics, new MacArrayConfig().Rows), exec);
        _result = _layer.Run(_inputs);
    }

    /// <summary>Haar DWT forward on X (s x d).</summary>
    [Benchmark]
    public void HaarForward()
    {
        _inputs.X.Data.CopyTo(_scratch, 0);
        _transform.Forward(_scratch, LlamaShapes.Hidden);
    }

    /// <summary>Haar DWT inverse on the output (s x n).</summary>
    [Benchmark]
    public void HaarInverse() => _transform.Inverse(_output, Outputs);

    /// <summary>Activation quantizer (min-max per token, 64 tokens at 8 bits).</summary>
    [Benchmark]
    public QuantizedActivations ActivationQuantizer() =>
        Quantization.ActivationQuantizer.Quantize(_transformed, LlamaShapes.Tokens, LlamaShapes.Hidden, _numerics, ExecutionOptions.Default);

    /// <summary>Offline weight quantizer (per channel, 4 bits).</summary>
    [Benchmark]
    public QuantizedWeights WeightQuantizer() =>
        Quantization.WeightQuantizer.Quantize(_inputs.W.Data, Outputs, LlamaShapes.Hidden, 4, LlamaShapes.Hidden, ExecutionOptions.Default);

    /// <summary>Integer GEMM, fast path (packing, kernels and the fused epilogue).</summary>
    [Benchmark]
    public GemmOutcome GemmFastPath() => IntegerGemm.Multiply(_qx, _qw, _mac, ExecutionOptions.Default, _output);

    /// <summary>Integer GEMM emulated chunk by chunk in the array's order (adder tree of 16, 16-bit tree, 24-bit accumulator), range checks included.</summary>
    [Benchmark]
    public GemmOutcome GemmOrderedEmulation() => IntegerGemm.Multiply(_qx, _qw, _narrowMac, Ordered, _output);

    private static readonly ExecutionOptions Ordered = new(ForceOrderedGemm: true);

    /// <summary>The float64 reference GEMM alone (tiles computed and dropped).</summary>
    [Benchmark]
    public void MetricsReferenceGemm() => ReferenceGemm.ForEachTile(_inputs.X, _inputs.W, null, ExecutionOptions.Default, (_, _, _, _, _) => { });

    /// <summary>Every metric of the layer: float64 reference, activation error, Theorem-1 bound.</summary>
    [Benchmark]
    public LayerMetrics MetricsWhole() => LayerMetrics.Compute(_inputs, _result, _numerics, ExecutionOptions.Default);

    /// <summary>The whole golden layer with default STaMP numerics.</summary>
    [Benchmark]
    public LayerResult WholeLayer() => _layer.Run(_inputs);
}
