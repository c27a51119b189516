using StampSim.Cli;
using StampSim.Cli.Commands;
using StampSim.Reports.Writers;

namespace StampSim.Tests;

public class CliProgressTests
{
    private static (CliConsole Console, StringWriter Err) Pipe()
    {
        var err = new StringWriter();
        return (new CliConsole(new StringWriter(), err), err);
    }

    private static string[] Lines(StringWriter w) => w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void In_a_pipe_every_finished_unit_gets_a_line_and_the_starting_state_none()
    {
        var (console, err) = Pipe();
        CliProgress.Run(console, "point", p =>
        {
            p.Report(2, 5);                 // resumed: two points were already done
            p.Report(3, 5, "#4: a=1");
            p.Report(3, 5, "#4: a=1");      // no progress, no line
            p.Report(5, 5);
            return 0;
        });
        var lines = Lines(err);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^point 3/5 done \(#4: a=1\) elapsed \d+s, ETA \d+s$", lines[0]);
        Assert.Matches(@"^point 5/5 done elapsed \d+s, ETA 0s$", lines[1]);
    }

    [Fact]
    public void An_interval_thins_the_lines_but_keeps_the_first_the_last_and_milestones()
    {
        var (console, err) = Pipe();
        CliProgress.Run(console, "window", p =>
        {
            p.Report(0, 6, "a");
            for (int i = 1; i <= 6; i++) p.Report(i, 6, i <= 3 ? "a" : "b", milestone: i == 3);
            return 0;
        }, TimeSpan.FromHours(1));
        Assert.Equal(["window 1/6 done (a)", "window 3/6 done (a)", "window 6/6 done (b)"], Lines(err).Select(l => l[..l.IndexOf(" elapsed", StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(42.4, "42s")]
    [InlineData(62, "1m02s")]
    [InlineData(3599.6, "1h00m")]
    [InlineData(7500, "2h05m")]
    public void Durations_read_to_the_second(double seconds, string text) => Assert.Equal(text, Display.Duration(TimeSpan.FromSeconds(seconds)));
}
