using StampSim.Traces;

namespace StampSim.Tests.Traces;

/// <summary>Single-layer traces as NumPy writes them: np.save (f2, f4, f8, big-endian, Fortran order), np.savez, np.savez_compressed.</summary>
public class NumpyTraceTests
{
    [Theory]
    [InlineData("x_f4.npy", "<f4")]
    [InlineData("x_f2.npy", "<f2")]
    [InlineData("x_be.npy", ">f4")]
    [InlineData("x_fortran.npy", "<f4")]
    public void A_bare_npy_is_one_layer_of_activations(string file, string descr)
    {
        using var trace = TraceFile.Open(TraceFixtures.Path(file));
        Assert.Equal(TraceFormat.Npy, trace.Format);
        var layer = Assert.Single(trace.Manifest.Layers);
        Assert.Equal((Path.GetFileNameWithoutExtension(file), "x", (string?)null), (layer.Name, layer.Activation, layer.Weight));
        Assert.Equal(descr, trace.Tensor("x").DType);
        var x = trace.ReadActivations(layer);
        Assert.Equal((4, 3), (x.Rows, x.Cols));
        TraceFixtures.AssertFormula(x.Data, TraceFixtures.Act, file);
    }

    [Fact]
    public void Float64_values_are_rounded_with_a_warning()
    {
        var warnings = new List<string>();
        using var trace = TraceFile.Open(TraceFixtures.Path("x_f8.npy"), warn: warnings.Add);
        var x = trace.ReadActivations(trace.Manifest.Layers[0]);
        Assert.Equal(0.1f, x[1, 1]);
        var w = Assert.Single(warnings);
        Assert.Contains("1 <f8 values were rounded", w);
    }

    [Fact]
    public void Weight_and_bias_come_from_the_command_line()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("x_f4.npy"), new TraceSidecars(TraceFixtures.Path("w.npy"), TraceFixtures.Path("b.npy")));
        var inputs = trace.Load(trace.Manifest.Layers[0]);
        Assert.Equal((4, 3, 2), (inputs.Tokens, inputs.Features, inputs.Outputs));
        TraceFixtures.AssertFormula(inputs.W.Data, TraceFixtures.Weight, "w");
        TraceFixtures.AssertFormula(inputs.Bias!, TraceFixtures.Bias, "b");
    }

    [Fact]
    public void A_bare_npy_without_weight_cannot_run()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("x_f4.npy"));
        var e = Assert.Throws<InputException>(() => trace.Load(trace.Manifest.Layers[0]));
        Assert.Contains("has no weight", e.Message);
    }

    [Theory]
    [InlineData("layer.npz")]
    [InlineData("layer_compressed.npz")]
    public void An_npz_holds_x_weight_and_bias(string file)
    {
        using var trace = TraceFile.Open(TraceFixtures.Path(file));
        Assert.Equal(TraceFormat.Npz, trace.Format);
        var inputs = trace.Load(Assert.Single(trace.Manifest.Layers));
        TraceFixtures.AssertFormula(inputs.X.Data, TraceFixtures.Act, "x");
        TraceFixtures.AssertFormula(inputs.W.Data, TraceFixtures.Weight, "w");
        TraceFixtures.AssertFormula(inputs.Bias!, TraceFixtures.Bias, "b");
    }

    [Fact]
    public void An_npz_with_only_x_takes_its_weight_from_the_command_line()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("x_only.npz"), new TraceSidecars(TraceFixtures.Path("w.npy")));
        var inputs = trace.Load(trace.Manifest.Layers[0]);
        Assert.Equal(2, inputs.Outputs);
        Assert.Null(inputs.Bias);
    }

    [Theory]
    [InlineData("x_i4.npy", null, "dtype <i4 is not a trace dtype")]
    [InlineData("x_3d.npy", null, "must be a non-empty (s, d) matrix, got shape [1, 4, 3]")]
    [InlineData("x_f4.npy", "w_bad_d.npy", "must be (n, 3) to match activations [4, 3], got shape [2, 5]")]
    [InlineData("no_x.npz", null, "no array named 'x'")]
    [InlineData("layer.npz", "w.npy", "holds weight 'w' and --weight was given too")]
    [InlineData("missing.npy", null, "file not found")]
    public void Bad_numpy_traces_are_rejected_on_open(string file, string? weight, string message)
    {
        var e = Assert.Throws<InputException>(() =>
            TraceFile.Open(TraceFixtures.Path(file), new TraceSidecars(weight is null ? null : TraceFixtures.Path(weight))));
        Assert.Contains(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_NaN_is_named_with_file_and_index()
    {
        using var trace = TraceFile.Open(TraceFixtures.Path("x_nan.npy"));
        var e = Assert.Throws<InputException>(() => trace.ReadActivations(trace.Manifest.Layers[0]));
        Assert.EndsWith("x_nan.npy: NaN at index [2, 1]", e.Message);
    }
}
