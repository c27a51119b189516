using StampSim.Tests.Support;

namespace StampSim.Tests;

/// <summary>House rules of the test code itself that the compiler cannot see.</summary>
public class TestHygieneTests
{
    private static readonly string[] TempApis = ["GetTempPath", "CreateTempSubdirectory", "GetTempFileName"];

    [Fact]
    public void Tests_make_temporary_folders_only_through_the_disposable_TempDir()
    {
        string tests = Path.Combine(SharedData.RepoRoot(), "tests");
        // TempDir itself, and this check, which names the APIs.
        string[] allowed = [Path.Combine(tests, "Shared", "TempDir.cs"), Path.Combine(tests, "StampSim.Architecture.Tests", "TestHygieneTests.cs")];
        var offenders = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !allowed.Contains(f) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => TempApis.Any(File.ReadAllText(f).Contains))
            .Select(f => Path.GetRelativePath(tests, f)).ToList();
        Assert.True(offenders.Count == 0, $"use 'using var dir = new TempDir()' (tests/Shared/TempDir.cs), which removes its folder: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void A_disposed_TempDir_is_gone_with_its_contents_even_a_read_only_folder()
    {
        string root;
        using (var dir = new TempDir())
        {
            root = dir.Root;
            string inner = Directory.CreateDirectory(dir.File("inner")).FullName;
            File.WriteAllText(Path.Combine(inner, "f"), "x");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(inner, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
        Assert.False(Directory.Exists(root));
    }
}
