using StampSim.Tests.Support;

namespace StampSim.Tests.Reliability;

/// <summary>
/// The output boundary, through the commands: no output may replace an input, share a path with another
/// output, be a folder or a device, or replace a folder StampSim did not make; every refusal is exit 2 with
/// one line, and leaves the disk exactly as it was.
/// </summary>
public class OutputBoundaryTests
{
    private const string OneLayer = "layers.0.attention.wq";

    private static void AssertRefusedAndUntouched(TempDir dir, string message, params string[] args)
    {
        var before = TreeSnapshot.Of(dir.Root);
        Harness.AssertBadInput(Harness.Run(args), message);
        TreeSnapshot.AssertUnchanged(before, dir.Root, string.Join(' ', args));
    }

    [Fact]
    public void Layer_out_equal_to_an_input_is_refused()
    {
        using var dir = new TempDir();
        var (x, w, b) = Harness.WriteRandomLayer(dir, 1, 8, 16, 4);
        AssertRefusedAndUntouched(dir, "is also an input of this command", "layer", "--x", x, "--weight", w, "--bias", b, "--out", x);
        AssertRefusedAndUntouched(dir, "is also an input of this command", "layer", "--x", x, "--weight", w, "--out", w);
        AssertRefusedAndUntouched(dir, "is also an input of this command", "layer", "--x", x, "--weight", w, "--out", Path.Combine(dir.Root, "sub", "..", "x.npy"));
    }

    [Fact]
    public void An_output_reached_through_a_symbolic_link_to_an_input_is_refused()
    {
        using var dir = new TempDir();
        var (x, w, _) = Harness.WriteRandomLayer(dir, 2, 8, 16, 4);
        File.CreateSymbolicLink(dir.File("alias.npy"), x);
        AssertRefusedAndUntouched(dir, "is also an input of this command", "layer", "--x", dir.File("alias.npy"), "--weight", w, "--out", x);
    }

    [Fact]
    public void Metrics_equal_to_out_is_refused()
    {
        using var dir = new TempDir();
        var (x, w, _) = Harness.WriteRandomLayer(dir, 3, 8, 16, 4);
        AssertRefusedAndUntouched(dir, "--metrics " + dir.File("y.npy") + ": the same file as --out", "layer", "--x", x, "--weight", w, "--out", dir.File("y.npy"), "--metrics", dir.File("y.npy"));
    }

    [Fact]
    public void Trace_export_onto_the_trace_or_twice_onto_one_path_is_refused()
    {
        using var dir = new TempDir();
        File.Copy(Harness.Fixture("layer.npz"), dir.File("t.npz"));
        AssertRefusedAndUntouched(dir, "is also an input of this command", "trace", "export", "--trace", dir.File("t.npz"), "--x", dir.File("t.npz"));
        AssertRefusedAndUntouched(dir, "the same file as --x", "trace", "export", "--trace", dir.File("t.npz"), "--x", dir.File("a.npy"), "--weight", dir.File("a.npy"));
    }

    [SkippableTheory]
    [InlineData("/dev/null", "is a device, pipe or socket")]
    [InlineData("/dev/full", "is a device, pipe or socket")]
    public void A_device_is_never_an_output(string device, string message)
    {
        Skip.IfNot(File.Exists(device), $"{device} does not exist on this system");
        using var dir = new TempDir();
        var (x, w, _) = Harness.WriteRandomLayer(dir, 4, 8, 16, 4);
        AssertRefusedAndUntouched(dir, message, "layer", "--x", x, "--weight", w, "--out", device);
        AssertRefusedAndUntouched(dir, message, "trace", "export", "--trace", x, "--x", device);
        Assert.True(File.Exists(device));
    }

    [Fact]
    public void A_directory_given_as_a_file_output_is_refused()
    {
        using var dir = new TempDir();
        var (x, w, _) = Harness.WriteRandomLayer(dir, 5, 8, 16, 4);
        Directory.CreateDirectory(dir.File("y.npy"));
        AssertRefusedAndUntouched(dir, "is a directory; give a file path", "layer", "--x", x, "--weight", w, "--out", dir.File("y.npy"));
    }

    [Fact]
    public void Run_never_replaces_a_folder_it_did_not_make_even_with_force()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("thesis/chapters"));
        File.WriteAllText(dir.File("thesis/chapters/1.tex"), "years of work");
        AssertRefusedAndUntouched(dir, "is not a complete StampSim 'stampsim-report' folder (no manifest.json); it is never replaced, even with --force",
            "run", "--layers", OneLayer, "--out", dir.File("thesis"), "--force");
    }

    [Fact]
    public void Run_never_replaces_the_working_folder_or_one_above_it()
    {
        string cwd = Environment.CurrentDirectory;
        foreach (var target in new[] { ".", cwd, Path.GetDirectoryName(cwd)! })
        {
            var r = Harness.Run("run", "--layers", OneLayer, "--out", target, "--force");
            Harness.AssertBadInput(r, "is the working folder or holds it");
        }
    }

    [Fact]
    public void Run_never_replaces_a_folder_holding_its_trace()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("data"));
        File.Copy(Harness.Fixture("trace_f32.safetensors"), dir.File("data/t.safetensors"));
        AssertRefusedAndUntouched(dir, "holds the input", "run", "--trace", dir.File("data/t.safetensors"), "--out", dir.File("data"), "--force");
    }

    [Fact]
    public void Run_replaces_its_own_report_with_force_but_not_once_a_user_file_is_added()
    {
        using var dir = new TempDir();
        string report = dir.File("r");
        Assert.Equal(0, Harness.Run("run", "--layers", OneLayer, "--out", report).Code);
        var again = Harness.Run("run", "--layers", OneLayer, "--out", report, "--force");
        Assert.True(again.Code == 0, again.Err);
        Assert.Equal(["r"], Directory.GetFileSystemEntries(dir.Root).Select(Path.GetFileName));
        File.WriteAllText(Path.Combine(report, "notes.txt"), "mine");
        AssertRefusedAndUntouched(dir, "notes.txt is not in its manifest", "run", "--layers", OneLayer, "--out", report, "--force");
    }

    [Fact]
    public void Out_pointing_at_an_existing_file_is_refused_by_run_sweep_and_merge()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("f"), "keep");
        File.WriteAllText(dir.File("spec.yaml"), "trace: bundled\nconfig: edge-npu\naxes:\n  numerics.hi_tokens: [0, 16]\n");
        AssertRefusedAndUntouched(dir, "exists and is a file", "run", "--layers", OneLayer, "--out", dir.File("f"));
        AssertRefusedAndUntouched(dir, "exists and is a file", "sweep", dir.File("spec.yaml"), "--out", dir.File("f"));
        AssertRefusedAndUntouched(dir, "exists and is a file", "merge", dir.File("shard0"), "--spec", dir.File("spec.yaml"), "--out", dir.File("f"));
    }

    [Fact]
    public void Sweep_and_merge_never_write_into_an_unrelated_folder()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("mine"));
        File.WriteAllText(dir.File("mine/data.csv"), "a,b\n");
        File.WriteAllText(dir.File("spec.yaml"), "trace: bundled\nconfig: edge-npu\naxes:\n  numerics.hi_tokens: [0, 16]\n");
        AssertRefusedAndUntouched(dir, "is not a sweep folder (no sweep.json); it is never written into, even with --force",
            "sweep", dir.File("spec.yaml"), "--out", dir.File("mine"), "--force");
        AssertRefusedAndUntouched(dir, "is not a complete StampSim 'stampsim-sweep' folder",
            "merge", dir.File("shard0"), "--spec", dir.File("spec.yaml"), "--out", dir.File("mine"), "--force");
    }

    [Fact]
    public void A_stale_staging_folder_of_a_dead_process_is_removed_and_a_live_ones_is_left()
    {
        using var dir = new TempDir();
        string report = dir.File("r");
        // A process that has exited: its id is free (or, if reused, by a process started later).
        using var dead = System.Diagnostics.Process.Start("true")!;
        dead.WaitForExit();
        string stale = dir.File($".r.partial-{dead.Id}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "report.md"), "half");
        using var live = System.Diagnostics.Process.Start("sleep", "60")!;
        try
        {
            Thread.Sleep(50);
            string busy = dir.File($".r.partial-{live.Id}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(busy);
            var r = Harness.Run("run", "--layers", OneLayer, "--out", report);
            Assert.True(r.Code == 0, r.Err);
            Assert.Equal(new[] { Path.GetFileName(busy), "r" }.Order(), Directory.GetFileSystemEntries(dir.Root).Select(Path.GetFileName).Order());
        }
        finally
        {
            live.Kill();
            live.WaitForExit();
        }
    }
}
