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

    [Fact]
    public void Blocked_activation_error_sums_each_row_in_feature_order()
    {
        var inputs = Inputs();
        var numerics = new NumericsConfig();
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

        Assert.Equal(error, LayerMetrics.Compute(inputs, result, numerics, ExecutionOptions.Default).ActErrorSq);
    }
}
