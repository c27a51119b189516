using StampSim.Tensors;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Quantization;

namespace StampSim.Metrics;

/// <summary>The contract's error metrics of one layer run.</summary>
public sealed record LayerMetrics
{
    /// <summary>Output SQNR vs the float64 reference, dB.</summary>
    public double SqnrDb { get; init; }

    /// <summary>Activation SQNR between X and <c>L^-1(dequant(Q(L X)))</c>, dB.</summary>
    public double ActSqnrDb { get; init; }

    /// <summary>Mean bits per activation element (the paper's effective bit-width).</summary>
    public double PayloadBits { get; init; }

    /// <summary>Payload plus the per-token/group scale (and offset) at 16 bits each.</summary>
    public double BitsWithMetadata { get; init; }

    /// <summary>Measured <c>||Xhat − X||²</c>.</summary>
    public double ActErrorSq { get; init; }

    /// <summary>Theorem 1 bound on <see cref="ActErrorSq"/>.</summary>
    public double Theorem1Bound { get; init; }

    /// <summary>Saturation/wrap events (tree + accumulator).</summary>
    public long OverflowEvents { get; init; }

    /// <summary>Adder-tree events.</summary>
    public long TreeOverflowEvents { get; init; }

    /// <summary>Accumulator events.</summary>
    public long AccOverflowEvents { get; init; }

    /// <summary>Sum of squares of the reference output.</summary>
    public double SignalEnergy { get; init; }

    /// <summary>Sum of squared output errors.</summary>
    public double ErrorEnergy { get; init; }

    /// <summary>
    /// Computes every metric for <paramref name="result"/> of <paramref name="inputs"/>, the only setting measured
    /// on them: the reference streams (<see cref="LayerReference.Measure"/>) and is not kept.
    /// </summary>
    public static LayerMetrics Compute(LayerInputs inputs, LayerResult result, NumericsConfig numerics, ExecutionOptions options)
    {
        var (signal, noise) = LayerReference.Measure(inputs, result.Y, options);
        return Compute(signal, noise, result, numerics, options);
    }

    /// <summary>Computes every metric for <paramref name="result"/>, a run on the inputs of <paramref name="reference"/>.</summary>
    public static LayerMetrics Compute(LayerReference reference, LayerResult result, NumericsConfig numerics, ExecutionOptions options) =>
        Compute(reference.SignalEnergy, reference.OutputError(result.Y, options), result, numerics, options);

    private static LayerMetrics Compute(double signal, double noise, LayerResult result, NumericsConfig numerics, ExecutionOptions options)
    {
        var (xEnergy, xErr) = ActivationError.Compute(result, options);
        var qx = result.Activations;
        return new LayerMetrics
        {
            SqnrDb = Sqnr.Db(signal, noise),
            SignalEnergy = signal,
            ErrorEnergy = noise,
            ActSqnrDb = Sqnr.Db(xEnergy, xErr),
            ActErrorSq = xErr,
            Theorem1Bound = Theorem1.Bound(result.TransformedX, qx, options),
            PayloadBits = MeanBits(qx),
            BitsWithMetadata = MeanBits(qx) + MetadataBitsPerElement(qx, numerics),
            OverflowEvents = result.Gemm.Events.Total,
            TreeOverflowEvents = result.Gemm.Events.Tree,
            AccOverflowEvents = result.Gemm.Events.Accumulator,
        };
    }

    /// <summary>Mean of the per-token bit-widths.</summary>
    public static double MeanBits(QuantizedActivations qx) => qx.Bits.Length == 0 ? 0 : qx.Bits.Average();

    /// <summary>
    /// Scale metadata per activation element: per token/group a 16-bit <c>delta</c> and, for min-max,
    /// a 16-bit <c>mn</c> (symmetric quantization stores no offset).
    /// </summary>
    public static double MetadataBitsPerElement(QuantizedActivations qx, NumericsConfig numerics) =>
        (numerics.ActQuant == ActQuantKind.Minmax ? 32.0 : 16.0) / qx.GroupSize;

    internal static double SumInOrder(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var v in values) sum += v;
        return sum;
    }
}
