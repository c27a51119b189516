using System.Text.Json;
using StampSim.Tests.Support;

namespace StampSim.Tests.Commands;

public class BenchCommandTests
{
    [Fact]
    public void The_layer_process_row_splits_wall_time_into_the_childs_own_work_and_the_rest()
    {
        using var dir = new TempDir();
        // A child process of the built stampsim, so that its own `layer` children can start.
        var r = ChildCli.Run(dir.Root, TimeSpan.FromMinutes(3), "bench", "--shape", "64,128,128", "--reps", "1", "--no-numpy", "--json", dir.File("b.json"));
        Assert.True(r.Code == 0, r.Err);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("b.json")));
        var root = json.RootElement;
        double wall = root.GetProperty("layer_process_seconds").GetDouble(), own = root.GetProperty("layer_process_own_seconds").GetDouble();
        Assert.InRange(own, 1e-6, wall);
        Assert.Equal(wall - own, root.GetProperty("layer_process_overhead_seconds").GetDouble(), 12);
        Assert.Equal(wall / own, root.GetProperty("layer_process_vs_own").GetDouble(), 12);
        foreach (var row in new[] { "its own engine + metrics", "start-up, JIT, read .npy, write Y + JSON", "layer process / its engine + metrics" })
            Assert.Contains(r.Out.Split('\n'), l => l.TrimStart().StartsWith(row, StringComparison.Ordinal) && !l.Contains(" - "));
    }

    [SkippableFact]
    public void The_metrics_are_set_beside_numpys_float64_GEMM_of_the_same_shape()
    {
        using var dir = new TempDir();
        var r = Harness.Run("bench", "--shape", "32,64,64", "--reps", "1", "--no-process", "--json", dir.File("b.json"));
        Assert.True(r.Code == 0, r.Err);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("b.json")));
        var root = json.RootElement;
        Skip.If(root.GetProperty("numpy_gemm_seconds").ValueKind == JsonValueKind.Null, "NumPy on an optimised BLAS is not available: " + root.GetProperty("numpy").GetString());
        double metrics = root.GetProperty("metrics_seconds").GetDouble(), f64 = root.GetProperty("numpy_float64_gemm_seconds").GetDouble();
        Assert.True(f64 > 0);
        Assert.Equal(metrics / f64, root.GetProperty("metrics_vs_numpy_float64").GetDouble(), 12);
        Assert.Contains(r.Lines, l => l.TrimStart().StartsWith("metrics / NumPy float64 GEMM", StringComparison.Ordinal) && l.Contains("<= 1.2"));
    }

    [Fact]
    public void The_slow_rows_are_listed_as_skipped_unless_asked_for()
    {
        using var dir = new TempDir();
        var r = Harness.Run("bench", "--shape", "32,64,64", "--reps", "1", "--no-numpy", "--no-process", "--json", dir.File("b.json"));
        Assert.True(r.Code == 0, r.Err);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("b.json")));
        var block = json.RootElement.GetProperty("block_sweep");
        Assert.Equal(8, block.GetProperty("settings").GetInt32());
        foreach (var key in new[] { "sweep_seconds", "replay_seconds", "sweep_vs_replay" })
            Assert.Equal(JsonValueKind.Null, block.GetProperty(key).ValueKind);
        Assert.Equal("skipped (no --block-sweep)", block.GetProperty("detail").GetString());
        var onnx = json.RootElement.GetProperty("eval_onnx");
        Assert.Equal(20, onnx.GetProperty("sentences").GetInt32());
        Assert.Equal(JsonValueKind.Null, onnx.GetProperty("seconds").ValueKind);
        Assert.Equal("skipped (no --onnx-model)", onnx.GetProperty("detail").GetString());
        Assert.Contains(r.Lines, l => l.TrimStart().StartsWith("8 numerics on one 8B block / one replay", StringComparison.Ordinal) && l.Contains("skipped (no --block-sweep)"));
        Assert.Contains(r.Lines, l => l.TrimStart().StartsWith("eval onnx, 20 sentences", StringComparison.Ordinal) && l.Contains("skipped (no --onnx-model)"));
    }

    [Theory]
    [InlineData("--onnx-model", "m.onnx")]
    [InlineData("--onnx-text", "t.txt")]
    public void The_onnx_row_needs_both_a_model_and_a_text(string option, string value)
    {
        var r = Harness.Run("bench", "--shape", "32,64,64", "--reps", "1", "--no-numpy", "--no-process", option, value);
        Assert.Equal(2, r.Code);
        Assert.StartsWith("stampsim: error: --onnx-text: ", r.Err);
    }
}
