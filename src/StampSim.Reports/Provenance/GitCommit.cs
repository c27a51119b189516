using System.ComponentModel;
using System.Diagnostics;

namespace StampSim.Reports.Provenance;

/// <summary>The git commit of a checkout, read by running <c>git</c>; <c>unknown</c> when git is missing or the directory is not a checkout.</summary>
/// <param name="Commit">Full commit hash, or <see cref="Unknown"/>.</param>
/// <param name="Dirty">True when tracked files differ from the commit; null when unknown.</param>
public sealed record GitCommit(string Commit, bool? Dirty)
{
    /// <summary>What is recorded when the commit cannot be read.</summary>
    public const string Unknown = "unknown";

    /// <summary>The first 12 characters of <paramref name="commit"/>, as reports show a commit.</summary>
    public static string Abbreviate(string commit) => commit.Length > 12 ? commit[..12] : commit;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Reads the commit of the checkout containing <paramref name="directory"/>.</summary>
    public static GitCommit Read(string directory)
    {
        string? head = Git(directory, "rev-parse", "HEAD");
        if (head is null || head.Length < 7) return new GitCommit(Unknown, null);
        string? status = Git(directory, "status", "--porcelain", "--untracked-files=no");
        return new GitCommit(head, status is null ? null : status.Length > 0);
    }

    /// <summary>The commit in an informational version (the SDK appends the build's commit as <c>+sha</c>), or <see cref="Unknown"/>.</summary>
    public static string FromVersion(string informationalVersion)
    {
        int plus = informationalVersion.IndexOf('+');
        return plus < 0 ? Unknown : informationalVersion[(plus + 1)..];
    }

    // Null when git cannot be started, fails, or takes too long.
    private static string? Git(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(info);
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            return process.ExitCode == 0 ? output.Result.Trim() : null;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
