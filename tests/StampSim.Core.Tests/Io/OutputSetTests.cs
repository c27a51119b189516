using StampSim.Io;
using StampSim.Tests.Support;

namespace StampSim.Tests.Io;

public class OutputSetTests
{
    [Theory]
    [InlineData("No space left on device")]
    [InlineData("Input/output error")]
    [InlineData("Permission denied")]
    public void A_failing_write_is_bad_input_naming_the_path_and_leaves_nothing(string error)
    {
        using var temp = new TempDir();
        string dir = temp.Root;
        string target = Path.Combine(dir, "y.npy");
        File.WriteAllText(target, "previous");
        using (var outputs = new OutputSet([]))
        {
            outputs.AddText(Path.Combine(dir, "first.json"), "{}");
            var e = Assert.Throws<InputException>(() => outputs.Add(target, s =>
            {
                s.Write(new byte[100]);
                throw new IOException(error);
            }));
            Assert.Equal($"{target}: cannot write ({error}); nothing was written", e.Message);
        }
        Assert.Equal(["y.npy"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
        Assert.Equal("previous", File.ReadAllText(target));
    }

    [Fact]
    public void A_failing_atomic_write_keeps_the_old_file()
    {
        using var temp = new TempDir();
        string dir = temp.Root;
        string target = Path.Combine(dir, "c.json");
        File.WriteAllText(target, "old");
        Assert.Throws<InputException>(() => AtomicFile.Write(target, s => throw new UnauthorizedAccessException("Access denied")));
        Assert.Equal(["c.json"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
        Assert.Equal("old", File.ReadAllText(target));
    }

    [Fact]
    public void File_kinds_tell_devices_from_files_and_folders()
    {
        using var temp = new TempDir();
        string dir = temp.Root;
        File.WriteAllText(Path.Combine(dir, "f"), "x");
        Assert.Equal(FileKind.Regular, FileKinds.Of(Path.Combine(dir, "f")));
        Assert.Equal(FileKind.Directory, FileKinds.Of(dir));
        Assert.Equal(FileKind.Missing, FileKinds.Of(Path.Combine(dir, "none")));
        if (File.Exists("/dev/null")) Assert.Equal(FileKind.Special, FileKinds.Of("/dev/null"));
    }

    [Fact]
    public void A_dead_writers_temporary_file_is_removed_by_the_next_write()
    {
        using var temp = new TempDir();
        string dir = temp.Root;
        using var dead = System.Diagnostics.Process.Start("true")!;
        dead.WaitForExit();
        File.WriteAllText(Path.Combine(dir, $".c.json.tmp-{dead.Id}-{Guid.NewGuid():N}"), "half");
        AtomicFile.WriteAllText(Path.Combine(dir, "c.json"), "new");
        Assert.Equal(["c.json"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }
}
