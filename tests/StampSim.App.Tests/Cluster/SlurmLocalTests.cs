using System.Diagnostics;
using System.Reflection;
using StampSim.Tests.Support;
using Xunit.Abstractions;

namespace StampSim.Tests.Cluster;

/// <summary>
/// The documented Slurm array job on a real one-node Slurm (tools/cluster/slurm-local-test.sh): the
/// merged shards equal the single-machine sweep byte for byte, also after a task is cancelled and
/// resumed. Skipped with the script's reason where slurm-wlm, munge or the daemons cannot be had.
/// </summary>
public class SlurmLocalTests(ITestOutputHelper output)
{
    private const int Skipped = 77;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [SkippableFact]
    public void Sbatch_array_merges_to_the_single_machine_sweep_and_a_cancelled_task_resumes()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "Slurm runs on Linux only");
        string script = Path.Combine(SharedData.RepoRoot(), "tools", "cluster", "slurm-local-test.sh");
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        // The stampsim built with these tests (the project references it for the build order), not a second build.
        string configuration = typeof(SlurmLocalTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        string stampsim = Path.Combine(SharedData.RepoRoot(), "src", "StampSim.Cli", "bin", configuration, Path.GetFileName(AppContext.BaseDirectory.TrimEnd('/')), "stampsim");
        Assert.True(File.Exists(stampsim), $"{stampsim} not built");
        start.Environment["STAMPSIM"] = stampsim;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            // TERM, not KILL: the script's exit trap stops the daemons it started.
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            process.WaitForExit(TimeSpan.FromSeconds(30));
        }
        string text = stdout.Result + stderr.Result;
        output.WriteLine(text);
        string reason = text.Split('\n').LastOrDefault(l => l.Contains("SKIP: ", StringComparison.Ordinal)) ?? "no reason given";
        Skip.If(process.HasExited && process.ExitCode == Skipped, reason);
        Assert.True(process.HasExited && process.ExitCode == 0, $"slurm-local-test.sh {(process.HasExited ? $"exited {process.ExitCode}" : "timed out")}:\n{text}");
        Assert.Contains("byte-identical to the single-machine sweep", text);
        Assert.Contains("after cancel and resume: merged points.csv, pareto.csv and sweep.json are byte-identical", text);
        Assert.Matches(@"job ids: array \d+, cancelled \d+, resumed \d+", text);
        Assert.Contains("no slurm or munge daemon of this test left running", text);
    }
}
