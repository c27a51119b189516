using Spectre.Console;

namespace StampSim.Cli;

/// <summary>The output streams a command writes to (injected so tests can run commands in-process).</summary>
public sealed class CliConsole
{
    /// <summary>Wraps the streams; tables and progress use ANSI only when writing to an interactive terminal.</summary>
    public CliConsole(TextWriter stdout, TextWriter stderr)
    {
        Out = stdout;
        Error = stderr;
        IsTerminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!IsTerminal) Ansi.Profile.Width = 160;
    }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error (warnings and errors).</summary>
    public TextWriter Error { get; }

    /// <summary>True when standard output is an interactive terminal (progress bars, colour).</summary>
    public bool IsTerminal { get; }

    /// <summary>Spectre.Console over standard output, for tables.</summary>
    public IAnsiConsole Ansi { get; }

    /// <summary>Writes a warning line to standard error.</summary>
    public void Warn(string message) => Error.WriteLine($"stampsim: warning: {message}");
}
