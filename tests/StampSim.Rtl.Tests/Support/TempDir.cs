namespace StampSim.Tests.Support;

/// <summary>A fresh empty directory, removed on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "stampsim-rtl-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => Path.Combine(Root, name);

    /// <summary>Every file name in the directory, temporary files included.</summary>
    public string[] Files => Directory.GetFiles(Root).Select(Path.GetFileName).OfType<string>().Order().ToArray();

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
