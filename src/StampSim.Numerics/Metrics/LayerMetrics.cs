using StampSim.Tensors;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Quantization;

namespace StampSim.Metrics;

/// <summary>The contract's error metrics of one layer run.</summary>
public sealed record LayerMetrics
{
    // Feature columns per block of the activation error: two s x 512 float64 buffers (16 MB at s = 2048).
    private const int ActivationBlockColumns = 512;

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

    /// <summary>Computes every metric for <paramref name="result"/> of <paramref name="inputs"/> (computing their reference).</summary>
    public static LayerMetrics Compute(LayerInputs inputs, LayerResult result, NumericsConfig numerics, ExecutionOptions options) =>
        Compute(LayerReference.Compute(inputs, options), result, numerics, options);

    /// <summary>Computes every metric for <paramref name="result"/>, a run on the inputs of <paramref name="reference"/>.</summary>
    public static LayerMetrics Compute(LayerReference reference, LayerResult result, NumericsConfig numerics, ExecutionOptions options)
    {
        double signal = reference.SignalEnergy, noise = reference.OutputError(result.Y, options);
        var (xEnergy, xErr) = ActivationError(result, options);
        var qx = result.Activations;
        return new LayerMetrics
        {
            SqnrDb = Sqnr.Db(signal, noise),
            SignalEnergy = signal,
            ErrorEnergy = noise,
            ActSqnrDb = Sqnr.Db(xEnergy, xErr),
            ActErrorSq = xErr,
            Theorem1Bound = Theorem1.Bound(result.TransformedX, qx),
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

    // ||X - L^-1(dequant(Q(L X)))||² in float64, X taken after the feature transform (orthogonal, so
    // the error and energy are those of the original activations up to float32 rounding). The sequence
    // transform acts on each feature column alone, so this runs over blocks of columns: memory stays
    // O(s x block) instead of two s x d float64 copies, and each row's sums still take the features in
    // ascending order, whatever the block width or thread count.
    private static (double Energy, double Error) ActivationError(LayerResult result, ExecutionOptions options)
    {
        var qx = result.Activations;
        var lx = result.TransformedX;
        int s = qx.Tokens, d = qx.Features, groups = qx.Groups, g = qx.GroupSize;
        int width = Math.Min(d, ActivationBlockColumns);
        var xhat = LargeArrays.Uninitialized<double>(checked(s * width));   // each block writes what it reads
        var x = LargeArrays.Uninitialized<double>(checked(s * width));
        var energyRows = new double[s];
        var errorRows = new double[s];
        for (int c0 = 0; c0 < d; c0 += width)
        {
            int c = c0, w = Math.Min(width, d - c0);
            Parallel.For(0, s, options.Parallel, i =>
            {
                for (int j = 0; j < w; j++)
                {
                    int k = (c + j) / g;
                    double delta = qx.Scale[i * groups + k], mn = qx.Offset[i * groups + k];
                    xhat[(long)i * w + j] = qx.Code(i, c + j) * delta + mn;
                    x[(long)i * w + j] = lx[(long)i * d + c + j];
                }
            });
            result.Transform.Inverse(xhat.AsSpan(0, s * w), w);
            result.Transform.Inverse(x.AsSpan(0, s * w), w);
            Parallel.For(0, s, options.Parallel, i =>
            {
                double e = energyRows[i], err = errorRows[i];
                for (long k = (long)i * w; k < (long)(i + 1) * w; k++)
                {
                    e += x[k] * x[k];
                    double diff = xhat[k] - x[k];
                    err += diff * diff;
                }
                energyRows[i] = e;
                errorRows[i] = err;
            });
        }
        return (SumInOrder(energyRows), SumInOrder(errorRows));
    }

    internal static double SumInOrder(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var v in values) sum += v;
        return sum;
    }
}
