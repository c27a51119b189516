using StampSim.Tests.Support;

namespace StampSim.Tests.Reliability.Fuzz;

/// <summary>
/// Runs one fuzz case through the CLI entry and checks what every command owes a bad input: exit 0 or 2,
/// no internal error or stack trace, one stderr line when refused, no output left behind on failure, and
/// every input byte-identical afterwards, no .NET type named and no terminal escape code in anything printed. Each case lives in its own folder, so "left behind" is whatever
/// the folder holds beyond the inputs.
/// </summary>
internal static class FuzzCase
{
    /// <summary>Runs <paramref name="args"/> in <paramref name="dir"/>; <paramref name="describe"/> names the case in a failure.</summary>
    public static Harness.Outcome Check(TempDir dir, string describe, params string[] args) => Check(dir, describe, Harness.Run, args);

    /// <summary>
    /// As <see cref="Check(TempDir, string, string[])"/>, in a separate process in <paramref name="dir"/>: for commands
    /// that call native libraries, whose own writes to stderr only a separate process shows.
    /// </summary>
    public static Harness.Outcome CheckInChild(TempDir dir, string describe, params string[] args) =>
        Check(dir, describe, a => ChildCli.Run(dir.Root, TimeSpan.FromMinutes(2), a), args);

    private static Harness.Outcome Check(TempDir dir, string describe, Func<string[], Harness.Outcome> run, string[] args)
    {
        var inputs = TreeSnapshot.Of(dir.Root);
        var r = run(args);
        string context = $"{describe}: stampsim {string.Join(' ', args.Select(a => a.Length > 80 ? a[..80] + "..." : a))}";
        Assert.True(r.Code is 0 or 2, $"{context}: exit {r.Code}\n{r.Err}");
        Assert.DoesNotContain("   at ", r.Err);
        Assert.DoesNotContain("internal error", r.Err);
        Assert.DoesNotContain("Exception", r.Err);
        Assert.False(r.Err.Contains("System."), $"{context}: a .NET type named in the message\n{r.Err}");
        Assert.False(r.Err.Contains('\u001b') || r.Out.Contains('\u001b'), $"{context}: a terminal escape code in what it printed\n{r.Err}");
        if (r.Code == 2)
        {
            Assert.True(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 1, $"{context}: expected one stderr line, got {r.Err}");
            TreeSnapshot.AssertUnchanged(inputs, dir.Root, context);
        }
        else
        {
            var after = TreeSnapshot.Of(dir.Root);
            foreach (var (path, hash) in inputs)
                Assert.True(after.TryGetValue(path, out var now) && now == hash, $"{context}: input {path} changed or vanished");
            Assert.DoesNotContain(after.Keys, k => Path.GetFileName(k).StartsWith('.'));
        }
        return r;
    }
}
