using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace StampSim.Io;

/// <summary>
/// The hidden work items an output leaves beside its target while it is written (<c>.NAME.tmp-PID-ID</c>
/// files, <c>.NAME.partial-PID-ID</c> staging folders, <c>.NAME.replaced-PID-ID</c> folders moved aside),
/// named with the owning process so that the next run can tell a killed writer's leftovers from a live
/// writer's work: the first are removed (a moved-aside report whose replacement never arrived is put
/// back), the second are left alone.
/// </summary>
public static partial class StaleOutputs
{
    /// <summary>Tag of a temporary file.</summary>
    public const string TempFile = "tmp";

    /// <summary>Tag of a staging folder.</summary>
    public const string Staging = "partial";

    /// <summary>Tag of a replaced folder awaiting deletion.</summary>
    public const string Replaced = "replaced";

    /// <summary>A fresh work-item path beside <paramref name="target"/>, owned by this process.</summary>
    public static string Beside(string target, string tag) =>
        Path.Combine(Path.GetDirectoryName(target) ?? ".", $".{Path.GetFileName(target)}.{tag}-{Environment.ProcessId}-{Guid.NewGuid():N}");

    /// <summary>Removes the work items beside <paramref name="target"/> whose owner is no longer running.</summary>
    public static void Clean(string target)
    {
        string dir = Path.GetDirectoryName(target) ?? ".";
        string name = Path.GetFileName(target);
        if (!Directory.Exists(dir)) return;
        foreach (var entry in Directory.EnumerateFileSystemEntries(dir, $".{name}.*"))
        {
            var m = WorkItem().Match(Path.GetFileName(entry));
            if (!m.Success || m.Groups["name"].Value != name || !int.TryParse(m.Groups["pid"].Value, out int pid)) continue;
            if (IsLive(pid, entry)) continue;
            bool restore = m.Groups["tag"].Value == Replaced && !Path.Exists(target);
            try
            {
                if (restore) Directory.Move(entry, target);
                else if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
                else File.Delete(entry);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"{entry}: left by an interrupted run and cannot be removed ({e.Message}); remove it by hand");
            }
        }
    }

    // A process with the recorded id that started after the item was made is a different process that
    // reused the id; the owner itself always started before it made the item.
    private static bool IsLive(int pid, string entry)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited) return false;
            var made = File.GetCreationTimeUtc(entry) < File.GetLastWriteTimeUtc(entry) ? File.GetCreationTimeUtc(entry) : File.GetLastWriteTimeUtc(entry);
            return process.StartTime.ToUniversalTime() <= made.AddSeconds(2);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\.(?<name>.+)\.(?<tag>tmp|partial|replaced)-(?<pid>[0-9]{1,10})-[0-9a-f]{32}$")]
    private static partial Regex WorkItem();
}
