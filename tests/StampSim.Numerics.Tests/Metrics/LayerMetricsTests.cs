using StampSim.Metrics;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Tests.Support;

namespace StampSim.Tests.Metrics;

public class LayerMetricsTests
{
    // d = 1100 spans three blocks of the activation error (512, 512, 76); s = 72 is no multiple of the reference tile.
    private static LayerInputs Inputs() =>
        new(TestData.Activations(72, 1100, seed: 5), TestData.Weights(300, 1100, seed: 6), TestData.Vector(300, seed: 7));

    [Fact]
    public void Metrics_do_not_depend_on_the_thread_count()
    {
        var inputs = Inputs();
        var numerics = new NumericsConfig();
        var result = new StampLayer(new GoldenSettings(numerics, 16)).Run(inputs);
        var reference = LayerMetrics.Compute(inputs, result, numerics, new ExecutionOptions(1));
        foreach (int threads in new[] { 2, 3, 8 })
            Assert.Equal(reference, LayerMetrics.Compute(inputs, result, numerics, new ExecutionOptions(threads)));
    }

    public static TheoryData<string> Variants() => ["minmax", "groups of 100", "symmetric groups of 44", "dct", "odd tokens"];

    private static NumericsConfig Numerics(string variant) => variant switch
    {
        "groups of 100" => new NumericsConfig { ActGroup = 100 },
        "symmetric groups of 44" => new NumericsConfig { ActQuant = ActQuantKind.Symmetric, ActGroup = 44 },
        "dct" => new NumericsConfig { Transform = SequenceTransformKind.Dct },
        _ => new NumericsConfig(),
    };

    // 71 tokens leave three rows to the four-row sums' tail; groups of 44 end inside vectors.
    private static LayerInputs Inputs(string variant) => variant == "odd tokens"
        ? new(TestData.Activations(71, 1100, seed: 5), TestData.Weights(300, 1100, seed: 6), TestData.Vector(300, seed: 7))
        : Inputs();

    [Theory]
    [MemberData(nameof(Variants))]
    public void Blocked_activation_error_sums_each_row_in_feature_order(string variant)
    {
        var inputs = Inputs(variant);
        var numerics = Numerics(variant);
        var result = new StampLayer(new GoldenSettings(numerics, 16)).Run(inputs);
        var qx = result.Activations;
        int s = qx.Tokens, d = qx.Features;

        // The unblocked computation: whole s x d float64 matrices, rows summed over all features in order.
        var xhat = new double[s * d];
        var x = new double[s * d];
        for (int i = 0; i < s; i++)
            for (int j = 0; j < d; j++)
            {
                int k = j / qx.GroupSize;
                double delta = qx.Scale[i * qx.Groups + k], mn = qx.Offset[i * qx.Groups + k];
                xhat[i * d + j] = qx.Code(i, j) * delta + mn;
                x[i * d + j] = result.TransformedX[i * d + j];
            }
        result.Transform.Inverse(xhat, d);
        result.Transform.Inverse(x, d);
        double error = 0;
        for (int i = 0; i < s; i++)
        {
            double row = 0;
            for (int j = 0; j < d; j++)
            {
                double diff = xhat[i * d + j] - x[i * d + j];
                row += diff * diff;
            }
            error += row;
        }

        foreach (int threads in new[] { 1, 2, 3 })
            Assert.Equal(error, LayerMetrics.Compute(inputs, result, numerics, new ExecutionOptions(threads)).ActErrorSq);
    }

    [Fact]
    public void Output_error_against_the_kept_reference_sums_each_column_tile_in_order_like_the_streamed_tiles()
    {
        // n = 1100 spans three column tiles of the reference (512, 512, 76), 43 rows leave three to the four-row sums'
        // tail; the kept and the streamed reference give the sums of the
        // streamed formulation: per row and tile in column order, then the partial sums in (row, tile) order.
        var inputs = new LayerInputs(TestData.Activations(43, 96, seed: 8), TestData.Weights(1100, 96, seed: 9), TestData.Vector(1100, seed: 10));
        var numerics = new NumericsConfig();
        var result = new StampLayer(new GoldenSettings(numerics, 16)).Run(inputs);
        int tiles = 3;
        var signal = new double[43 * tiles];
        var noise = new double[43 * tiles];
        ReferenceGemm.ForEachTile(inputs.X, inputs.W, inputs.Bias, new ExecutionOptions(1), (i0, rows, n0, cols, tile) =>
        {
            for (int r = 0; r < rows; r++)
            {
                double sig = 0, err = 0;
                for (int c = 0; c < cols; c++)
                {
                    double v = tile[r * cols + c], e = result.Y[i0 + r, n0 + c] - v;
                    sig += v * v;
                    err += e * e;
                }
                signal[(i0 + r) * tiles + n0 / ReferenceGemm.TileCols] = sig;
                noise[(i0 + r) * tiles + n0 / ReferenceGemm.TileCols] = err;
            }
        });
        var reference = LayerReference.Compute(inputs, new ExecutionOptions(3));
        Assert.Equal(signal.Aggregate(0.0, (a, v) => a + v), reference.SignalEnergy);
        Assert.Equal(noise.Aggregate(0.0, (a, v) => a + v), reference.OutputError(result.Y, new ExecutionOptions(2)));
        var (streamedSignal, streamedNoise) = LayerReference.Measure(inputs, result.Y, new ExecutionOptions(3));
        Assert.Equal(reference.SignalEnergy, streamedSignal);
        Assert.Equal(noise.Aggregate(0.0, (a, v) => a + v), streamedNoise);
    }

    [Fact]
    public void One_reference_serves_every_numerics_setting_with_the_metrics_of_its_own()
    {
        var inputs = Inputs();
        var reference = LayerReference.Compute(inputs, ExecutionOptions.Default);
        foreach (var numerics in new[] { new NumericsConfig(), new NumericsConfig { HiTokens = 0, LoBits = 8 }, new NumericsConfig { Transform = SequenceTransformKind.Dct } })
        {
            var result = new StampLayer(new GoldenSettings(numerics, 16)).Run(inputs);
            Assert.Equal(LayerMetrics.Compute(inputs, result, numerics, ExecutionOptions.Default), LayerMetrics.Compute(reference, result, numerics, ExecutionOptions.Default));
        }
    }
}
