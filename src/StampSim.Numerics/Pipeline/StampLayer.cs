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
    /// <param name="settings">The numerics and the MAC array's adder-tree length R.</param>
    /// <param name="options">Threads and kernels.</param>
    /// <param name="transforms">The sequence transforms <c>numerics.transform</c> names (default: the built-in ones).</param>
    public StampLayer(GoldenSettings settings, ExecutionOptions? options = null, SequenceTransformRegistry? transforms = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MacRows, 1);
        Settings = settings;
        Options = options ?? ExecutionOptions.Default;
        Transforms = transforms ?? SequenceTransformRegistry.BuiltIn;
    }

    /// <summary>The numerics and the adder-tree length.</summary>
    public GoldenSettings Settings { get; }

    private NumericsConfig Numerics => Settings.Numerics;

    /// <summary>Threads and kernels.</summary>
    public ExecutionOptions Options { get; }

    /// <summary>The sequence transforms <c>numerics.transform</c> is looked up in.</summary>
    public SequenceTransformRegistry Transforms { get; }

    /// <summary>
    /// Checks, without running, that a layer of <paramref name="tokens"/> x <paramref name="features"/> suits
    /// <paramref name="numerics"/>: the sequence transform's length rules, the activation group dividing d, and a
    /// power-of-two d for the feature Hadamard. The one place these shape rules are gathered; <see cref="Run(LayerInputs, SequenceBatch, bool)"/> meets them in the same order.
    /// </summary>
    /// <exception cref="InputException">A rule fails; the message names the key and the rule.</exception>
    public static void CheckShape(NumericsConfig numerics, int tokens, int features, SequenceTransformRegistry? transforms = null)
    {
        (transforms ?? SequenceTransformRegistry.BuiltIn).Plan(numerics, tokens);
        ActivationQuantizer.GroupSize(numerics, features);
        if (numerics.FeatureTransform == FeatureTransformKind.Hadamard) FeatureHadamard.Validate(features);
    }

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
        var transform = Transforms.Create(Numerics, sequences, Options);
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
        var mac = new MacArray(Settings.MacRows, Numerics.Accumulator);
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
