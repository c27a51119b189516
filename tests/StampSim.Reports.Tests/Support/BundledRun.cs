using StampSim.Reports.Run;

namespace StampSim.Tests.Support;

/// <summary>One report of a few bundled-trace layers on the default config, run once and shared by the tests that only read it.</summary>
public sealed class BundledRun : IDisposable
{
    private readonly TempDir _dir = new();

    public BundledRun()
    {
        Result = Runs.Execute(Runs.Request(layers: "layers.0.*,output"));
        Folder = _dir.File("report");
        Directory.CreateDirectory(Folder);
        Reports.Writers.ReportWriter.Write(Result, Folder);
    }

    public RunResult Result { get; }

    /// <summary>The written report.</summary>
    public string Folder { get; }

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition(nameof(BundledRun))]
public sealed class BundledRunCollection : ICollectionFixture<BundledRun>;
