using StampSim.Numerics;
using StampSim.App.Run;
using StampSim.Reports.Run;
using StampSim.Reports.Writers;

namespace StampSim.Tests.Support;

/// <summary>Runs reports in-process the way <c>stampsim run</c> does.</summary>
internal static class Runs
{
    public static RunRequest Request(string? trace = null, string? layers = null, IReadOnlyList<string>? configs = null, IReadOnlyList<string>? sets = null) =>
        new(trace, configs ?? [], sets ?? [], layers, null, ExecutionOptions.Default);

    public static RunResult Execute(RunRequest request)
    {
        using var run = ReportRun.Prepare(request);
        return run.Finish(run.Run().ToList(), ["stampsim", "run"], DateTimeOffset.UtcNow);
    }

    /// <summary>Runs and writes the report into a new folder under <paramref name="dir"/>.</summary>
    public static string Write(TempDir dir, string name, RunRequest request)
    {
        string folder = dir.File(name);
        Directory.CreateDirectory(folder);
        ReportWriter.Write(Execute(request), folder);
        return folder;
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Traces", "Fixtures", name);

    public static string Config(string name) => Path.Combine(SharedData.RepoRoot(), "hwconfigs", name);
}
