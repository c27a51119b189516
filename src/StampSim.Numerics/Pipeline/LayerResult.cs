using StampSim.Gemm;
using StampSim.Quantization;
using StampSim.Tensors;
using StampSim.Transforms;

namespace StampSim.Pipeline;

/// <summary>The golden output of one layer and the intermediates the metrics and cross-checks need.</summary>
public sealed class LayerResult
{
    internal LayerResult(Matrix<float> y, ISequenceTransform transform, QuantizedActivations activations, QuantizedWeights weights,
        float[] transformedX, GemmOutcome gemm, LayerIntermediates? intermediates)
    {
        Y = y;
        Transform = transform;
        Activations = activations;
        Weights = weights;
        TransformedX = transformedX;
        Gemm = gemm;
        Intermediates = intermediates;
    }

    /// <summary>The layer output <c>Y (s, n)</c>.</summary>
    public Matrix<float> Y { get; }

    /// <summary>The sequence transform that was applied (levels resolved).</summary>
    public ISequenceTransform Transform { get; }

    /// <summary>Activation codes and scales.</summary>
    public QuantizedActivations Activations { get; }

    /// <summary>Weight codes and scales.</summary>
    public QuantizedWeights Weights { get; }

    /// <summary>Activations after the feature and sequence transforms (s x d), as quantized.</summary>
    public float[] TransformedX { get; }

    /// <summary>What the GEMM did (path, kernel, overflow events).</summary>
    public GemmOutcome Gemm { get; }

    /// <summary>Accumulators and the pre-inverse output, when requested.</summary>
    public LayerIntermediates? Intermediates { get; }
}

/// <summary>Stage outputs kept for bit-level cross-checks.</summary>
/// <param name="Accumulators">Final accumulators, s x groups x n.</param>
/// <param name="Yt">Epilogue output before the inverse transform, s x n.</param>
/// <param name="BeforeBias">Output after the inverse transform, before the bias, s x n.</param>
public sealed record LayerIntermediates(long[] Accumulators, float[] Yt, float[] BeforeBias);
