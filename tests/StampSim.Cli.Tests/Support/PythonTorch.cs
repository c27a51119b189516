using System.Diagnostics;

namespace StampSim.Tests.Support;

/// <summary>
/// Runs the Python capture tools (tools/python) with an interpreter that has torch: <c>python3</c> on
/// the PATH, else Debian's <c>/usr/bin/python3</c> (where apt's python3-torch lives). Tests skip, with
/// the reason, when neither imports torch.
/// </summary>
internal static class PythonTorch
{
    private static readonly Lazy<string?> Interpreter = new(Find);

    /// <summary>Reason to skip when no interpreter imports torch, else null.</summary>
    public static string? SkipReason => Interpreter.Value is null ? "no python3 with torch (install Debian's python3-torch)" : null;

    /// <summary>Runs a script of tools/python with <c>PYTHONPATH=tools/python</c>; returns exit code and output.</summary>
    public static (int Code, string Output) Run(params string[] args)
    {
        string python = Interpreter.Value ?? throw new InvalidOperationException(SkipReason);
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = SharedData.RepoRoot() };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["PYTHONPATH"] = Path.Combine(SharedData.RepoRoot(), "tools", "python");
        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }

    private static string? Find()
    {
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                using var p = Process.Start(new ProcessStartInfo(candidate, ["-c", "import torch"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
                p.StandardError.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under this name; try the next.
            }
        }
        return null;
    }
}
