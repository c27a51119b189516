using StampSim.Numerics;
using StampSim.Gemm;
using StampSim.Quantization;
using StampSim.Tensors;
using StampSim.Transforms;

namespace StampSim.Pipeline;

/// <summary>
/// The golden STaMP layer of the numerics contract:
/// feature transform → sequence transform → activation quantizer → integer GEMM on the MAC
/// array → dequantisation epilogue → inverse sequence transform → bias.
/// </summary>
public sealed class StampLayer
{
    /// <summary>Creates a layer engine for the given numerics and MAC array.</summary>
    /// <param name="numerics">The numerics.</param>
    /// <param name="macRows">The MAC array's adder-tree length R (<c>mac_array.rows</c>), the reduction chunk.</param>
    /// <param name="options">Threads and kernels.</param>
    public StampLayer(NumericsConfig numerics, int macRows, ExecutionOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(macRows, 1);
        Numerics = numerics;
        MacRows = macRows;
        Options = options ?? ExecutionOptions.Default;
    }

    /// <summary>The numerics.</summary>
    public NumericsConfig Numerics { get; }

    /// <summary>The adder-tree length R of the MAC array.</summary>
    public int MacRows { get; }

    /// <summary>Threads and kernels.</summary>
    public ExecutionOptions Options { get; }

    /// <summary>Runs the layer. With <paramref name="keepIntermediates"/>, accumulators and pre-inverse outputs are kept.</summary>
    /// <exception cref="InputException">The shapes do not suit the numerics (see the contract).</exception>
    public LayerResult Run(LayerInputs inputs, bool keepIntermediates = false) => Run(inputs, SequenceBatch.Single(inputs.Tokens), keepIntermediates);

    /// <summary>
    /// Runs the layer on a batch of independent sequences stacked in <paramref name="inputs"/>' activations: each
    /// sequence is transformed, allocated bits and quantized on its own, so every row of Y is bit for bit the
    /// row its sequence gives alone, while the weights are quantized and the integer GEMM runs once for all tokens.
    /// </summary>
    /// <exception cref="InputException">The shapes do not suit the numerics (see the contract).</exception>
    /// <exception cref="ArgumentException">The batch's tokens are not the activations' rows.</exception>
    public LayerResult Run(LayerInputs inputs, SequenceBatch sequences, bool keepIntermediates = false)
    {
        int s = inputs.Tokens, d = inputs.Features, n = inputs.Outputs;
        if (sequences.Tokens != s)
            throw new ArgumentException($"the batch has {sequences.Tokens} tokens, the activations {s} rows", nameof(sequences));
        var transform = SequenceTransforms.Create(Numerics, sequences, Options);
        int group = ActivationQuantizer.GroupSize(Numerics, d);

        // Stage 0 + 1: activations into the transformed domain (a copy; inputs stay untouched). Buffers
        // written in full come from LargeArrays: no zeroing, fewer page faults.
        var x = LargeArrays.Uninitialized<float>(inputs.X.Data.Length);
        inputs.X.Data.CopyTo(x, 0);
        float[] weights = inputs.W.Data;
        if (Numerics.FeatureTransform == FeatureTransformKind.Hadamard)
        {
            FeatureHadamard.Apply(x, s, d, Options);
            weights = (float[])weights.Clone();
            FeatureHadamard.Apply(weights, n, d, Options);
        }
        transform.Forward(x, d);

        // Stage 2 and the offline weight quantizer.
        var qx = ActivationQuantizer.Quantize(x, sequences, d, Numerics, Options);
        var qw = WeightQuantizer.Quantize(weights, n, d, Numerics.WeightBits, group, Options);

        // Stages 3 + 4.
        var y = new Matrix<float>(s, n, LargeArrays.Uninitialized<float>(checked(s * n)));   // every element is written by the epilogue
        long[]? acc = keepIntermediates ? new long[(long)s * qx.Groups * n] : null;
        var mac = new MacArray(MacRows, Numerics.Accumulator);
        var outcome = IntegerGemm.Multiply(qx, qw, mac, Options, y.Data, acc);
        float[]? yt = keepIntermediates ? (float[])y.Data.Clone() : null;

        // Stages 5 + 6.
        transform.Inverse(y.Data, n);
        float[]? beforeBias = keepIntermediates ? (float[])y.Data.Clone() : null;
        if (inputs.Bias is { } bias)
            for (int i = 0; i < s; i++)
                System.Numerics.Tensors.TensorPrimitives.Add(y.Row(i), bias, y.Row(i));

        var intermediates = keepIntermediates ? new LayerIntermediates(acc!, yt!, beforeBias!) : null;
        return new LayerResult(y, transform, qx, qw, x, outcome, intermediates);
    }
}
