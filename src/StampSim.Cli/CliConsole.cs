namespace StampSim.Cli;

/// <summary>The output streams a command writes to (injected so tests can run commands in-process).</summary>
public sealed class CliConsole(TextWriter stdout, TextWriter stderr)
{
    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error (warnings and errors).</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>True when standard output is the process's own, not redirected: a person is watching, so progress bars are worth drawing.</summary>
    public bool IsTerminal => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>Writes a warning line to standard error.</summary>
    public void Warn(string message) => Error.WriteLine($"stampsim: warning: {message}");
}
