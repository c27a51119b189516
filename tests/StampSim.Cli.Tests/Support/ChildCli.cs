using System.Diagnostics;

namespace StampSim.Tests.Support;

/// <summary>
/// <c>stampsim</c> as a separate process (the built stampsim.dll beside the tests), so that it can be killed by a signal.
/// </summary>
internal static class ChildCli
{
    public static Process Start(string workingDirectory, params string[] args)
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
