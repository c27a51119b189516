using System.CommandLine;

namespace StampSim.Cli.Commands;

/// <summary><c>stampsim trace</c>: inspect (<c>info</c>) and unpack (<c>export</c>) activation traces.</summary>
internal static class TraceCommand
{
    public static Command Create(CliConsole console) =>
        new("trace", "Inspect and export activation traces (format: traces/README.md).")
        {
            TraceInfoCommand.Create(console),
            TraceExportCommand.Create(console),
        };
}
