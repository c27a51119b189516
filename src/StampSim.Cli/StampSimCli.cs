using System.CommandLine;
using StampSim.Cli.Commands;

namespace StampSim.Cli;

/// <summary>
/// The command tree. Exit codes: 0 success, 2 bad input (one line on stderr naming the place),
/// 1 a failed check (e.g. a cross-check mismatch), 70 an internal error.
/// </summary>
public static class StampSimCli
{
    /// <summary>Exit code for bad input.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code for an internal error (a bug).</summary>
    public const int InternalError = 70;

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var console = new CliConsole(stdout, stderr);
        var root = new RootCommand("StampSim: a bit-accurate simulator of STaMP mixed-precision activation quantization on MAC-array accelerators.")
        {
            RunCommand.Create(console),
            CompareCommand.Create(console),
            LayerCommand.Create(console),
            CostCommand.Create(console),
            TraceCommand.Create(console),
            SynthCommand.Create(console),
            ReplayCommand.Create(console),
            CaptureCommand.Create(console),
            EvalCommand.Create(console),
            BenchCommand.Create(console),
            SweepCommand.Create(console),
            SweepCommand.CreateMerge(console),
            CrosscheckCommand.Create(console),
            RtlCommand.Create(console),
            ModelCommand.Create(console),
        };
        // A bare `stampsim` shows the command list rather than an error.
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine($"stampsim: error: {ParseErrorText.Of(parse.Errors[0].Message)} (see 'stampsim --help')");
            return BadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (InputException e)
        {
            stderr.WriteLine($"stampsim: error: {OneLine(e.Message)}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Writers name their path already; this catches a read or write deep in a library (a plot, a
            // memory map) failing for disk-full, I/O error or permission reasons. Its message names the path.
            stderr.WriteLine($"stampsim: error: {OneLine(e.Message)}");
            return BadInput;
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.OfType<InputException>().FirstOrDefault() is { } input)
        {
            // Bad input met inside parallel work (a sweep's points) arrives wrapped; it is still bad input.
            stderr.WriteLine($"stampsim: error: {OneLine(input.Message)}");
            return BadInput;
        }
        catch (OutOfMemoryException)
        {
            stderr.WriteLine("stampsim: error: out of memory (the layer is too large for this machine)");
            return BadInput;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"stampsim: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            return InternalError;
        }
    }

    // Messages quote input (a dtype, a key) that may hold line breaks or control bytes; the error stays one
    // readable line, with such characters escaped.
    private static string OneLine(string message) =>
        string.Concat(message.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
