using System.Diagnostics;

namespace StampSim.Tests.Support;

/// <summary>
/// <c>stampsim</c> as a separate process (the built stampsim.dll beside the tests), so that it can be killed by a signal.
/// </summary>
internal static class ChildCli
{
    public static Process Start(string workingDirectory, params string[] args)
    {
        var process = Process.Start(Info(workingDirectory, args))!;
        // Drained so that a full pipe never stalls the child.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Runs <c>stampsim</c> to the end in <paramref name="workingDirectory"/> and returns what it printed, native
    /// libraries' own writes to the process's stdout and stderr included (an in-process run cannot see those).
    /// </summary>
    public static Harness.Outcome Run(string workingDirectory, TimeSpan limit, params string[] args)
    {
        using var process = Process.Start(Info(workingDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"stampsim {string.Join(' ', args)}: still running after {limit.TotalSeconds:0} s");
        }
        return new Harness.Outcome(process.ExitCode, stdout.Result.Replace("\r\n", "\n"), stderr.Result.Replace("\r\n", "\n"));
    }

    // dotnet stampsim.dll ARGS in the folder, both output streams redirected.
    private static ProcessStartInfo Info(string workingDirectory, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "stampsim.dll") }.Concat(args))
            info.ArgumentList.Add(a);
        return info;
    }

    /// <summary>Sends <paramref name="signal"/> (INT, TERM or KILL) and waits for the process to end.</summary>
    public static void Signal(Process process, string signal)
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            kill.WaitForExit();
        }
        if (!process.WaitForExit(20_000))
        {
            process.Kill();
            process.WaitForExit();
        }
    }
}
