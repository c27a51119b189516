using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Rendering;
using StampSim.Cli.Commands;
using StampSim.Reports.Writers;

namespace StampSim.Cli;

/// <summary>
/// The one way a long command (run, sweep, eval) shows how far it is. On a terminal: a bar with the
/// percentage, the elapsed time and an ETA. Otherwise (a pipe, a Slurm or Kubernetes log): one line on
/// standard error per finished unit, <c>point 12/48 done (detail) elapsed 1m02s, ETA 3m10s</c>, or with a
/// <c>lineInterval</c> at most one per interval (always for the first and last unit and for milestones).
/// </summary>
/// <remarks>
/// Producers report their starting state first (<c>done</c> = units already done, e.g. a resumed sweep's
/// points) and then each finished unit; the ETA extrapolates the rate of this run's own units.
/// </remarks>
internal sealed class CliProgress
{
    private readonly CliConsole _console;
    private readonly string _unit;
    private readonly TimeSpan _lineInterval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private ProgressTask? _bar;
    private long? _start;
    private long _done, _total;
    private TimeSpan? _lastLine;

    private CliProgress(CliConsole console, string unit, TimeSpan lineInterval)
    {
        _console = console;
        _unit = unit;
        _lineInterval = lineInterval;
    }

    /// <summary>Runs <paramref name="body"/> with a progress report counting <paramref name="unit"/>s (a bar on a terminal, lines otherwise).</summary>
    public static T Run<T>(CliConsole console, string unit, Func<CliProgress, T> body, TimeSpan lineInterval = default)
    {
        var progress = new CliProgress(console, unit, lineInterval);
        if (!console.IsTerminal) return body(progress);
        T result = default!;
        console.Ansi.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TimesColumn(progress))
            .Start(ctx =>
            {
                progress._bar = ctx.AddTask(Markup.Escape(unit + "s"), maxValue: 1);
                result = body(progress);
            });
        return result;
    }

    /// <summary>
    /// <paramref name="done"/> of <paramref name="total"/> units are finished; <paramref name="detail"/> names what
    /// (shown on the bar and in the line). A milestone (the end of a phase) always gets its line. Thread-safe.
    /// </summary>
    public void Report(long done, long total, string? detail = null, bool milestone = false)
    {
        lock (_gate)
        {
            bool advanced = _start is not null && done > _done;
            _start ??= done;
            (_done, _total) = (done, total);
            if (_bar is { } bar)
            {
                bar.MaxValue = Math.Max(1, total);
                bar.Value = done;
                if (detail is not null) bar.Description = Markup.Escape(detail);
                return;
            }
            var now = _clock.Elapsed;
            if (!advanced || !(milestone || done >= total || _lastLine is not { } last || now - last >= _lineInterval)) return;
            _lastLine = now;
            _console.Error.WriteLine($"{_unit} {done}/{total} done{(detail is null ? "" : $" ({detail})")} {Times()}");
        }
    }

    // "elapsed 1m02s, ETA 3m10s": the rate of the units this run finished, applied to those left.
    private string Times()
    {
        var elapsed = _clock.Elapsed;
        long ran = _done - (_start ?? 0);
        string eta = _done >= _total ? "0s" : ran <= 0 ? "unknown" : Display.Duration(elapsed * ((double)(_total - _done) / ran));
        return $"elapsed {Display.Duration(elapsed)}, ETA {eta}";
    }

    private sealed class TimesColumn(CliProgress progress) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            lock (progress._gate) return new Text(progress.Times());
        }
    }
}
