namespace StampSim.Tests.Support;

/// <summary>
/// A fresh empty directory under the system temp folder, removed with everything in it on dispose. The one
/// way tests get a temporary folder or file (<c>TestHygieneTests</c> checks that no test makes its own), so a
/// test run leaves nothing behind in /tmp.
/// </summary>
internal sealed class TempDir : IDisposable
{
    /// <summary>Prefix of every test folder's name.</summary>
    public const string Prefix = "stampsim-tests-";

    public TempDir() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N"));

    public string File(string name) => Path.Combine(Root, name);

    /// <summary>Every file name in the directory, temporary files included.</summary>
    public string[] Files => Directory.GetFiles(Root).Select(Path.GetFileName).OfType<string>().Order().ToArray();

    /// <summary>Every entry of the directory (hidden ones included), by name.</summary>
    public string[] Entries => Directory.EnumerateFileSystemEntries(Root).Select(Path.GetFileName).OfType<string>().Order().ToArray();

    public void Dispose()
    {
        for (int attempt = 1; Directory.Exists(Root); attempt++)
        {
            try { Directory.Delete(Root, recursive: true); }
            catch (Exception e) when (attempt < 3 && e is IOException or UnauthorizedAccessException)
            {
                // A test that took write permission away gets it back; a child process just killed may still be
                // closing files in the folder.
                if (!OperatingSystem.IsWindows())
                    foreach (var d in Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories).Prepend(Root))
                        System.IO.File.SetUnixFileMode(d, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                Thread.Sleep(200);
            }
        }
    }
}
