using StampSim.Rtl;

namespace StampSim.Tests.Support;

/// <summary>Skip reasons for tests that need an open-source EDA tool (installed by .ci/run with apt).</summary>
internal static class Tools
{
    /// <summary>Null when every program is on PATH, else why the test is skipped.</summary>
    public static string? Missing(params string[] programs)
    {
        var absent = programs.Where(p => ExternalTool.Find(p) is null).ToArray();
        return absent.Length == 0 ? null : $"not installed: {string.Join(", ", absent)} (apt-get install verilator iverilog yosys)";
    }

    /// <summary>Skips the running test unless every program is present.</summary>
    public static void Require(params string[] programs)
    {
        string? reason = Missing(programs);
        Skip.If(reason is not null, reason);
    }
}
