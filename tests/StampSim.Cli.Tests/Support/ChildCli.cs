using System.Diagnostics;

namespace StampSim.Tests.Support;

/// <summary>
/// <c>stampsim</c> as a separate process (the built StampSim.Cli.dll, run with this test assembly's
/// runtime and dependency files), so that it can be killed by a signal.
/// </summary>
internal static class ChildCli
{
    public static Process Start(string workingDirectory, params string[] args)
    {
        string bin = AppContext.BaseDirectory;
        string self = Path.GetFileNameWithoutExtension(typeof(ChildCli).Assembly.Location);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "exec", "--runtimeconfig", Path.Combine(bin, self + ".runtimeconfig.json"), "--depsfile", Path.Combine(bin, self + ".deps.json"), Path.Combine(bin, "StampSim.Cli.dll") }.Concat(args))
            info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        // Drained so that a full pipe never stalls the child.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
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
