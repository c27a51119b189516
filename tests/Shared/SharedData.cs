namespace StampSim.Tests.Support;

/// <summary>
/// Locates the project's real models and data (<c>../shared</c> beside the checkout, or
/// <c>STAMPSIM_SHARED</c>). Tests that need them skip with a clear reason only when absent.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The shared directory, or null when it is not present.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Reason to skip when the shared directory is absent, else null.</summary>
    public static string? SkipReason => Directory is null ? "../shared (real models and data) is not present; set STAMPSIM_SHARED" : null;

    /// <summary>A path inside the shared directory (call only when present).</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Directory ?? throw new InvalidOperationException(SkipReason), .. parts]);

    /// <summary>The repository root (the directory holding StampSim.sln).</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "StampSim.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (StampSim.sln)");
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("STAMPSIM_SHARED");
        if (!string.IsNullOrEmpty(env) && System.IO.Directory.Exists(env)) return env;
        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot(), "..", "shared"));
        return System.IO.Directory.Exists(System.IO.Path.Combine(candidate, "models")) ? candidate : null;
    }
}
