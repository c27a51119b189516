using System.Diagnostics;
using System.Reflection;

namespace StampSim.App.Bench;

/// <summary>
/// This <c>stampsim</c> as a child process, started the way the running one was (its own executable, or
/// <c>dotnet stampsim.dll</c>), so the bench times what a user waits for: start-up, I/O and the work.
/// </summary>
internal static class StampsimChild
{
    /// <summary>What one child run took and how it ended.</summary>
    /// <param name="Seconds">Wall seconds from start to exit.</param>
    /// <param name="ExitCode">The child's exit code.</param>
    /// <param name="Error">What it wrote to stderr.</param>
    public sealed record Outcome(double Seconds, int ExitCode, string Error)
    {
        /// <summary>Null when the run succeeded, else one line saying what failed.</summary>
        public string? Failure(string what) => ExitCode == 0 ? null : $"{what} failed: {Error.Trim().ReplaceLineEndings(" ")}";
    }

    /// <summary>Why no child can be started here, or null when one can.</summary>
    public static string? Unavailable => Environment.ProcessPath is null ? "no executable path" : null;

    /// <summary>Runs <c>stampsim ARGS</c> to the end and times it (output is drained, not kept).</summary>
    public static Outcome Run(params string[] args)
    {
        string exe = Environment.ProcessPath ?? throw new InvalidOperationException("no executable path");
        // Under `dotnet stampsim.dll` the process is the host; the program is the entry assembly.
        string? program = Path.GetFileNameWithoutExtension(exe) == "dotnet" ? Assembly.GetEntryAssembly()?.Location : null;
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (program is not null) psi.ArgumentList.Add(program);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        stderr.Wait();
        p.WaitForExit();
        return new Outcome(clock.Elapsed.TotalSeconds, p.ExitCode, stderr.Result);
    }
}
