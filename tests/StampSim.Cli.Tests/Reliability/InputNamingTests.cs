using StampSim.Tests.Support;

namespace StampSim.Tests.Reliability;

/// <summary>
/// An error names the input for what it is: a directory as a directory, an empty file or a NumPy file as
/// such (not as a broken safetensors file), and the bundled trace by its name rather than its temporary copy.
/// </summary>
public class InputNamingTests
{
    private static string Example(string name) => Path.Combine(SharedData.RepoRoot(), "traces", "examples", name);

    public static TheoryData<string[]> DirectoryWhereAFileIsExpected()
    {
        string dir = Path.GetDirectoryName(Example("x.npy"))!;
        string x = Example("x.npy"), w = Example("w.npy");
        return new TheoryData<string[]>
        {
            new[] { "layer", "--x", dir, "--weight", w, "--out", "y.npy" },
            new[] { "layer", "--x", x, "--weight", dir, "--out", "y.npy" },
            new[] { "layer", "--x", x, "--weight", w, "--config", dir, "--out", "y.npy" },
            new[] { "trace", "info", dir },
            new[] { "replay", "--trace", dir },
            new[] { "run", "--trace", dir },
            new[] { "run", "--config", dir },
            new[] { "sweep", dir },
            new[] { "eval", "llama", "--model", dir, "--text", x },
            new[] { "eval", "vit", "--model", dir, "--images", x },
            new[] { "eval", "onnx", "--model", dir, "--text", x },
        };
    }

    [Theory]
    [MemberData(nameof(DirectoryWhereAFileIsExpected))]
    public void A_directory_given_for_a_file_is_called_a_directory(string[] args)
    {
        var r = Harness.Run(args);
        Harness.AssertBadInput(r, "is a directory, not a file");
        Assert.DoesNotContain("permission denied", r.Err);
    }

    [Fact]
    public void A_directory_named_like_a_safetensors_model_is_called_a_directory()
    {
        using var dir = new TempDir();
        string model = Directory.CreateDirectory(dir.File("m.safetensors")).FullName;
        Harness.AssertBadInput(Harness.Run("eval", "llama", "--model", model, "--text", Example("x.npy")), $"{model}: is a directory, not a file");
    }

    [SkippableFact]
    public void A_directory_for_an_eval_text_or_vocabulary_is_called_a_directory()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        string dir = Path.GetDirectoryName(Example("x.npy"))!;
        Harness.AssertBadInput(Harness.Run("eval", "llama", "--model", SharedData.Path("models", "stories260K", "stories260K.bin"), "--text", dir),
            $"{dir}: is a directory, not a file");
        Harness.AssertBadInput(Harness.Run("eval", "onnx", "--model", SharedData.Path("models", "minilm-l6", "model.onnx"),
            "--text", SharedData.Path("data", "text", "tinystories_sample.txt"), "--vocab", dir), $"{dir}: is a directory, not a file");
    }

    public static TheoryData<string, byte[], string> MisnamedContainers() => new()
    {
        { "empty.npz", [], "empty.npz: empty file (0 bytes)" },
        { "empty.npy", [], "empty.npy: empty file (0 bytes)" },
        { "empty.safetensors", [], "empty.safetensors: empty file (0 bytes)" },
        { "text.npz", "not a zip"u8.ToArray(), "text.npz: not a .npz archive" },
        { "text.npy", "not numpy"u8.ToArray(), "text.npy: not a .npy file" },
        // numpy.savez() with no arrays: a zip holding only its end record.
        { "no_arrays.npz", [(byte)'P', (byte)'K', 5, 6, .. new byte[18]], "this archive is empty" },
    };

    [Theory]
    [MemberData(nameof(MisnamedContainers))]
    public void A_trace_container_is_named_for_what_it_is(string name, byte[] bytes, string message)
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File(name), bytes);
        foreach (var args in new[] { new[] { "trace", "info", dir.File(name) }, ["layer", "--trace", dir.File(name), "--out", dir.File("y.npy")] })
        {
            var r = Harness.Run(args);
            Harness.AssertBadInput(r, message);
            Assert.DoesNotContain("safetensors file", r.Err);
        }
    }

    public static TheoryData<string[]> BundledTraceErrors() => new()
    {
        new[] { "run", "--layers", "no.such.layer" },
        new[] { "run", "--set", "numerics.transform=haar2d" },
        new[] { "run", "--focus-layer", "no.such.layer" },
    };

    [Theory]
    [MemberData(nameof(BundledTraceErrors))]
    public void Errors_about_the_bundled_trace_name_it_not_its_temporary_copy(string[] args)
    {
        using var dir = new TempDir();
        var r = Harness.Run([.. args, "--out", dir.File("out")]);
        Harness.AssertBadInput(r, "bundled trace (stories260K-tinystories-512.safetensors)");
        Assert.DoesNotContain(Traces.BundledTrace.Materialize(), r.Err);
    }

    [Fact]
    public void Bad_input_met_inside_a_parallel_sweep_is_bad_input_not_an_internal_error()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("s.yaml"), "trace: bundled\nconfig: edge-npu\nlayers: layers.0.attention.wq\naxes:\n  numerics.transform: [haar, haar2d]\n");
        var r = Harness.Run("sweep", dir.File("s.yaml"), "--out", dir.File("out"), "--jobs", "2");
        Assert.Equal(2, r.Code);
        // The haar point may finish (and print its progress line) first; the error is the last line.
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("stampsim: error: ", lines[^1]);
        Assert.Contains("haar2d needs a token grid", lines[^1]);
        Assert.All(lines[..^1], l => Assert.StartsWith("point ", l));
        Assert.DoesNotContain("internal error", r.Err);
    }

    [Fact]
    public void A_sweep_over_the_bundled_trace_names_it_too()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("s.yaml"), "trace: bundled\nconfig: edge-npu\nlayers: no.such.layer\naxes:\n  numerics.hi_tokens: [16, 64]\n");
        var r = Harness.Run("sweep", dir.File("s.yaml"), "--out", dir.File("out"));
        Harness.AssertBadInput(r, $"{dir.File("s.yaml")}: layers: 'no.such.layer' matches no layer of bundled trace (stories260K-tinystories-512.safetensors)");
        Assert.DoesNotContain(Traces.BundledTrace.Materialize(), r.Err);
    }
}
