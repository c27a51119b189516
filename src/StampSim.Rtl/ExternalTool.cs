using System.Diagnostics;

namespace StampSim.Rtl;

/// <summary>An open-source EDA program found on <c>PATH</c> (verilator, iverilog, vvp, yosys).</summary>
/// <param name="Name">Program name.</param>
/// <param name="Path">Resolved executable.</param>
public sealed record ExternalTool(string Name, string Path)
{
    /// <summary>What <see cref="Run"/> saw.</summary>
    /// <param name="ExitCode">Process exit code.</param>
    /// <param name="Output">Standard output.</param>
    /// <param name="Error">Standard error.</param>
    /// <param name="Seconds">Wall-clock time.</param>
    public sealed record Outcome(int ExitCode, string Output, string Error, double Seconds)
    {
        /// <summary>The first line of stderr (else stdout) that reads like an error, for one-line messages.</summary>
        public string FirstErrorLine()
        {
            var lines = (Error + "\n" + Output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? lines.FirstOrDefault() ?? "no output";
        }
    }

    /// <summary>The program on PATH, or null.</summary>
    public static ExternalTool? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = System.IO.Path.Combine(dir, name);
            if (File.Exists(candidate)) return new ExternalTool(name, candidate);
        }
        return null;
    }

    /// <summary>The program on PATH.</summary>
    /// <exception cref="InputException">It is not installed; the message is a one-line install hint naming <paramref name="package"/>.</exception>
    public static ExternalTool Require(string name, string package) =>
        Find(name) ?? throw new InputException($"{name}: not found on PATH; install it with 'apt-get install {package}' (Debian/Ubuntu) or your platform's package manager");

    /// <summary>Runs the program to completion in <paramref name="workingDirectory"/>.</summary>
    public Outcome Run(IEnumerable<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InputException($"{Name}: could not be started");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Outcome(process.ExitCode, output, error.Result, clock.Elapsed.TotalSeconds);
    }
}
