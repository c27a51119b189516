using StampSim.Numerics;
using StampSim.Reports.Analysis;
using StampSim.Tensors;

namespace StampSim.Tests.Analysis;

public class SequenceAutocorrelationTests
{
    [Fact]
    public void Ar1_activations_give_a_toeplitz_profile_close_to_rho_to_the_lag()
    {
        var x = TestData.Activations(256, 64, seed: 5, rho: 0.8, outliers: 2, outlierScale: 50f);
        var a = SequenceAutocorrelation.Compute(x, ExecutionOptions.Default);
        Assert.Equal(256, a.Tokens);
        var lags = a.ByLag();
        Assert.Equal(1.0, lags[0], 5);
        Assert.InRange(lags[1], 0.7, 0.9);
        Assert.InRange(lags[2], 0.54, 0.74);
        Assert.InRange(lags[30], -0.15, 0.15);
    }

    [Fact]
    public void The_matrix_is_symmetric_bounded_and_one_on_the_diagonal()
    {
        var a = SequenceAutocorrelation.Compute(TestData.Activations(40, 8, seed: 1), new ExecutionOptions(MaxThreads: 1));
        for (int i = 0; i < a.Tokens; i++)
        {
            Assert.Equal(1.0, a[i, i], 5);
            for (int j = 0; j < a.Tokens; j++)
            {
                Assert.Equal(a[i, j], a[j, i]);
                Assert.InRange(a[i, j], -1, 1);
            }
        }
    }

    [Fact]
    public void Constant_channels_and_long_sequences_are_handled()
    {
        var x = new Matrix<float>(SequenceAutocorrelation.MaxTokens + 10, 2);
        for (int i = 0; i < x.Rows; i++) { x[i, 0] = 3; x[i, 1] = i % 2; }
        var a = SequenceAutocorrelation.Compute(x, ExecutionOptions.Default);
        Assert.Equal(SequenceAutocorrelation.MaxTokens, a.Tokens);
        Assert.Equal(-1.0, a[0, 1], 5); // the constant channel carries nothing; the other alternates
        Assert.Equal(1.0, a[0, 2], 5);
    }
}
