using StampSim.Reports.Folder;
using StampSim.Reports.Writers;

namespace StampSim.Tests.Folder;

public class ReportFolderTests
{
    private const string Format = ManifestJson.Format;

    private static void WriteSomething(ReportFolder folder) => File.WriteAllText(Path.Combine(folder.Staging, "report.md"), "new");

    [Fact]
    public void A_committed_report_appears_whole_and_leaves_nothing_beside_it()
    {
        using var dir = new TempDir();
        string target = dir.File("reports/run1");
        using (var folder = ReportFolder.Begin(target, force: false, Format, []))
        {
            Assert.False(Directory.Exists(target));
            WriteSomething(folder);
            folder.Commit();
        }
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "report.md")));
        Assert.Equal(["run1"], Directory.GetFileSystemEntries(dir.File("reports")).Select(Path.GetFileName));
    }

    [Fact]
    public void An_uncommitted_report_leaves_no_trace()
    {
        using var dir = new TempDir();
        using (var folder = ReportFolder.Begin(dir.File("run1"), force: false, Format, [])) WriteSomething(folder);
        Assert.Empty(dir.Entries);
    }

    [Fact]
    public void A_partial_previous_folder_is_refused_and_left_as_it_was()
    {
        using var dir = new TempDir();
        string target = dir.File("run1");
        Directory.CreateDirectory(Path.Combine(target, "plots"));
        File.WriteAllText(Path.Combine(target, "report.md"), "half");
        var e = Assert.Throws<InputException>(() => ReportFolder.Begin(target, force: false, Format, []));
        Assert.Contains("is not a complete StampSim 'stampsim-report' folder (no manifest.json); it is never replaced, even with --force", e.Message);
        Assert.Equal("half", File.ReadAllText(Path.Combine(target, "report.md")));
        Assert.Equal(["run1"], dir.Entries);
    }

    [Fact]
    public void An_empty_folder_is_used()
    {
        using var dir = new TempDir();
        string target = dir.File("run1");
        Directory.CreateDirectory(target);
        using (var folder = ReportFolder.Begin(target, force: false, Format, []))
        {
            WriteSomething(folder);
            folder.Commit();
        }
        Assert.Equal(["report.md"], Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.Equal(["run1"], dir.Entries);
    }

    [Fact]
    public void Force_replaces_the_old_folder_only_once_the_new_one_is_complete()
    {
        using var dir = new TempDir();
        string target = dir.File("run1");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "stale.txt"), "old");
        File.WriteAllText(Path.Combine(target, "manifest.json"), $$"""{"format": "{{Format}}", "files": [{"path": "stale.txt"}]}""");
        using (var folder = ReportFolder.Begin(target, force: true, Format, []))
        {
            WriteSomething(folder);
            Assert.True(File.Exists(Path.Combine(target, "stale.txt")));
            folder.Commit();
        }
        Assert.Equal(["report.md"], Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.Equal(["run1"], dir.Entries);
    }

    [Fact]
    public void A_target_that_appears_during_the_run_is_not_touched()
    {
        using var dir = new TempDir();
        string target = dir.File("run1");
        using (var folder = ReportFolder.Begin(target, force: false, Format, []))
        {
            WriteSomething(folder);
            Directory.CreateDirectory(target);
            File.WriteAllText(Path.Combine(target, "other.txt"), "theirs");
            Assert.Throws<InputException>(folder.Commit);
        }
        Assert.Equal(["other.txt"], Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.Equal(["run1"], dir.Entries);
    }

    [Fact]
    public void A_file_in_the_way_is_refused()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("run1"), "x");
        var e = Assert.Throws<InputException>(() => ReportFolder.Begin(dir.File("run1"), force: true, Format, []));
        Assert.Contains("exists and is a file", e.Message);
    }
}
