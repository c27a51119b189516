using StampSim.Config;
using StampSim.Pipeline;
using StampSim.Tests.Support;
using StampSim.Traces.Npy;

namespace StampSim.Tests.Commands;

public class CrosscheckCommandTests
{
    private static readonly string[] Sets = ["--set", "numerics.hi_tokens=6", "--set", "numerics.act_group=8", "--set", "mac_array.rows=5"];

    private static (string X, string W, string B) WriteLayer(TempDir dir, int s = 21, int d = 24, int n = 13) =>
        Harness.WriteRandomLayer(dir, 11, s, d, n);

    private static LayerResult Golden(string x, string w, string b)
    {
        var cfg = StampConfig.Load(null, ["numerics.hi_tokens=6", "numerics.act_group=8", "mac_array.rows=5"]);
        return new StampLayer(cfg.Golden).Run(new LayerInputs(
            NpyFile.ReadMatrix(x, "X").Matrix, NpyFile.ReadMatrix(w, "W").Matrix, NpyFile.ReadVector(b, "bias").Vector), keepIntermediates: true);
    }

    [Fact]
    public void The_ilgpu_kernels_on_the_cpu_accelerator_match_every_stage()
    {
        using var dir = new TempDir();
        var (x, w, b) = WriteLayer(dir);
        var r = Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, "--accelerator", "cpu", "--time-gemm", "2", .. Sets]);
        Assert.Equal(0, r.Code);
        Assert.Equal("", r.Err);
        Assert.Contains("gemm kernel  ", r.Out);
        Assert.Contains("ms per launch over 2 launches", r.Out);
        Assert.Contains("accelerator  cpu: ILGPU CPU accelerator (warp 32, 256 threads per group", r.Out);
        Assert.Contains("accumulators", r.Out);
        Assert.Contains("result      all 12 stages bit-identical", r.Out);
    }

    [Fact]
    public void Auto_reports_what_the_cuda_probe_found()
    {
        using var dir = new TempDir();
        var (x, w, b) = WriteLayer(dir);
        var r = Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, .. Sets]);
        Assert.Equal(0, r.Code);
        Assert.Contains("cuda driver  libcuda.so.1", r.Out);
        Assert.Contains("result      all 12 stages bit-identical", r.Out);
        if (Cuda.SkipReason is null)
        {
            Assert.Contains("cuda         supported: yes", r.Out);
            Assert.Contains("accelerator  cuda: ", r.Out);
        }
        else
        {
            Assert.Contains("cuda         supported: no, 0 device(s)", r.Out);
            Assert.Contains("accelerator  cpu: ", r.Out);
            Assert.Contains("auto fell back to the CPU accelerator", r.Out);
        }
    }

    [SkippableFact]
    public void Cuda_runs_every_stage_on_the_gpu_bit_identically()
    {
        Skip.If(Cuda.SkipReason is not null, Cuda.SkipReason);
        using var dir = new TempDir();
        var (x, w, b) = WriteLayer(dir);
        var r = Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, "--accelerator", "cuda", "--time-gemm", "2", .. Sets]);
        Assert.True(r.Code == 0, r.Err + r.Out);
        Assert.Contains("accelerator  cuda: ", r.Out);
        Assert.Contains("result      all 12 stages bit-identical", r.Out);
    }

    [SkippableFact]
    public void Cuda_without_a_device_is_bad_input_that_says_why()
    {
        Skip.If(Cuda.SkipReason is null, "this machine has a CUDA device; the case without one cannot be checked here");
        using var dir = new TempDir();
        var (x, w, b) = WriteLayer(dir);
        var r = Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, "--accelerator", "cuda", .. Sets]);
        Assert.Equal(2, r.Code);
        Assert.Contains("cuda         supported: no, 0 device(s)", r.Out);
        Assert.StartsWith("stampsim: error: --accelerator cuda: no CUDA device: ", r.Err);
        Assert.Single(r.Err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void An_unknown_accelerator_is_bad_input()
    {
        using var dir = new TempDir();
        var (x, w, _) = WriteLayer(dir);
        var r = Harness.Run("crosscheck", "--x", x, "--weight", w, "--accelerator", "opencl");
        Assert.Equal(2, r.Code);
        Assert.Contains("--accelerator: unknown accelerator 'opencl' (expected one of: auto, cuda, cpu)", r.Err);
    }

    [Fact]
    public void External_dumps_equal_to_the_golden_prediction_pass_with_a_histogram()
    {
        using var dir = new TempDir();
        var (x, w, b) = WriteLayer(dir);
        var golden = Golden(x, w, b);
        NpyFile.Write<float>(dir.File("y.npy"), golden.Y.Data, 21, 13);
        NpyFile.Write<long>(dir.File("acc.npy"), golden.Intermediates!.Accumulators, 21, 3, 13);
        var codes = Enumerable.Range(0, 21 * 24).Select(i => (short)golden.Activations.Code(i / 24, i % 24)).ToArray();
        NpyFile.Write<short>(dir.File("codes.npy"), codes, 21, 24);
        var r = Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, "--external", dir.File("y.npy"),
            "--external-codes", dir.File("codes.npy"), "--external-acc", dir.File("acc.npy"), .. Sets]);
        Assert.Equal(0, r.Code);
        Assert.Contains("ulp histogram 0 | 1 | 2-3 | 4-15 | 16-255 | >=256", r.Out);
        Assert.Contains("273 | 0 | 0 | 0 | 0 | 0", r.Out);   // Y: 21 x 13 outputs, all at 0 ulp
        Assert.Contains("result      all 3 stages bit-identical", r.Out);
        Assert.DoesNotContain("accelerator", r.Out);
    }

    [Fact]
    public void A_corrupted_external_output_fails_with_the_first_mismatch_index()
    {
        using var dir = new TempDir();
        var (x, w, b) = WriteLayer(dir);
        var y = (float[])Golden(x, w, b).Y.Data.Clone();
        y[57] = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(y[57]) + 1);   // one ulp off
        y[200] = y[200] * 2 + 1;                                                               // far off
        NpyFile.Write<float>(dir.File("y.npy"), y, 21, 13);
        var r = Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, "--external", dir.File("y.npy"), .. Sets]);
        Assert.Equal(1, r.Code);
        Assert.Contains("y  ", r.Out);
        Assert.Contains("  [15, 5] expected ", r.Out);
        Assert.Contains("271 | 1 | 0 | 0 | 0 | 1", r.Out);
        Assert.Contains("y: 2 differ from golden, 2 from its own inputs; token 4, 15 (2 of 21); channel 5 (1 of 13)", r.Out);
        Assert.Contains("  [4, 5] expected ", r.Out);
        Assert.Contains("result      1 of 1 stages differ; first failing stage: y", r.Out);
    }

    [Fact]
    public void A_corrupted_accumulator_dump_names_token_group_and_channel()
    {
        using var dir = new TempDir();
        var (x, w, b) = WriteLayer(dir);
        var acc = (long[])Golden(x, w, b).Intermediates!.Accumulators.Clone();
        int flat = (10 * 3 + 2) * 13 + 7;   // token 10, group 2, channel 7
        acc[flat] += 3;
        NpyFile.Write<long>(dir.File("acc.npy"), acc, 21, 3, 13);
        var r = Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, "--external-acc", dir.File("acc.npy"), .. Sets]);
        Assert.Equal(1, r.Code);
        Assert.Contains("  [10, 2, 7] expected ", r.Out);
        Assert.Contains("(exact sum ", r.Out);
    }

    [Fact]
    public void An_external_dump_of_the_wrong_shape_is_bad_input_naming_the_file()
    {
        using var dir = new TempDir();
        var (x, w, b) = WriteLayer(dir);
        NpyFile.Write<float>(dir.File("y.npy"), new float[13 * 21], 13, 21);
        var r = Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, "--external", dir.File("y.npy"), .. Sets]);
        Assert.Equal(2, r.Code);
        Assert.Contains("y.npy: shape (13, 21) does not match the golden y (21, 13)", r.Err);
    }

    [Fact]
    public void Options_of_the_ilgpu_run_are_rejected_with_external_dumps()
    {
        using var dir = new TempDir();
        var (x, w, b) = WriteLayer(dir);
        NpyFile.Write<float>(dir.File("y.npy"), Golden(x, w, b).Y.Data, 21, 13);
        var r = Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, "--external", dir.File("y.npy"), "--accelerator", "cuda", .. Sets]);
        Assert.Equal(2, r.Code);
        Assert.Contains("--accelerator: not used with --external", r.Err);
        r = Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, "--external", dir.File("y.npy"), "--time-gemm", "3", .. Sets]);
        Assert.Equal(2, r.Code);
        Assert.Contains("--time-gemm: not used with --external", r.Err);
    }

    [Fact]
    public void Float_codes_are_bad_input()
    {
        using var dir = new TempDir();
        var (x, w, b) = WriteLayer(dir);
        NpyFile.Write<float>(dir.File("codes.npy"), new float[21 * 24], 21, 24);
        var r = Harness.Run(["crosscheck", "--x", x, "--weight", w, "--bias", b, "--external-codes", dir.File("codes.npy"), .. Sets]);
        Assert.Equal(2, r.Code);
        Assert.Contains("codes.npy", r.Err);
        Assert.Contains("expected an integer dtype", r.Err);
    }

    [Fact]
    public void Trace_layers_are_checked_one_by_one()
    {
        string trace = Path.Combine(SharedData.RepoRoot(), "traces", "stories260K-tinystories-512.safetensors");
        var r = Harness.Run("crosscheck", "--trace", trace, "--layers", "layers.4.attention.wo,output", "--accelerator", "cpu");
        Assert.True(r.Code == 0, r.Err + r.Out);
        Assert.Contains("layers.4.attention.wo", r.Out);
        Assert.Contains("2 of 2 layers match bit for bit", r.Out);
        Harness.AssertBadInput(Harness.Run("crosscheck", "--trace", trace, "--x", trace), "--trace: give either --trace or --x/--weight/--bias, not both");
        Harness.AssertBadInput(Harness.Run("crosscheck", "--trace", trace, "--layers", "nope"), "'nope' matches no layer");
    }
}
