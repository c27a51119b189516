using System.Reflection;
using System.Runtime.InteropServices;

namespace StampSim.Reports.Provenance;

/// <summary>Who made a report, how, where and when: what a reader needs to reproduce it.</summary>
/// <param name="ToolVersion">StampSim's version (informational version without the commit).</param>
/// <param name="BuildCommit">Commit the binaries were built from, or <c>unknown</c>.</param>
/// <param name="Git">Commit of the working directory's checkout at run time.</param>
/// <param name="CommandLine">The full command line, program name first.</param>
/// <param name="WorkingDirectory">The directory the command ran in.</param>
/// <param name="Started">Start (UTC).</param>
/// <param name="Finished">End (UTC).</param>
public sealed record RunProvenance(string ToolVersion, string BuildCommit, GitCommit Git, IReadOnlyList<string> CommandLine,
    string WorkingDirectory, DateTimeOffset Started, DateTimeOffset Finished)
{
    /// <summary>Operating system description.</summary>
    public string Os => RuntimeInformation.OSDescription;

    /// <summary>Logical processors.</summary>
    public int CpuCount => Environment.ProcessorCount;

    /// <summary>Process architecture (x64, arm64, ...).</summary>
    public string Architecture => RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();

    /// <summary>The .NET runtime.</summary>
    public string DotNet => RuntimeInformation.FrameworkDescription;

    /// <summary>The command line as one shell-quoted string.</summary>
    public string CommandText => string.Join(' ', CommandLine.Select(ShellQuote));

    /// <summary>Captures the tool and machine; the git commit is read from the working directory.</summary>
    public static RunProvenance Capture(IReadOnlyList<string> commandLine, DateTimeOffset started, DateTimeOffset finished)
    {
        string version = typeof(RunProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        int plus = version.IndexOf('+');
        string cwd = Environment.CurrentDirectory;
        return new RunProvenance(plus < 0 ? version : version[..plus], GitCommit.FromVersion(version), GitCommit.Read(cwd), commandLine, cwd, started, finished);
    }

    private static string ShellQuote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''") + "'";
}
