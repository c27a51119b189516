using StampSim.Tests.Support;

namespace StampSim.Tests.Commands;

public class CompareCommandTests
{
    private static string Report(TempDir dir, string name, params string[] extra)
    {
        var r = Harness.Run(["run", "--layers", "layers.1.attention.wo", "--out", dir.File(name), .. extra]);
        Assert.True(r.Code == 0, r.Err);
        return dir.File(name);
    }

    [Fact]
    public void Compare_prints_config_changes_totals_and_layer_deltas()
    {
        using var dir = new TempDir();
        string a = Report(dir, "a");
        string b = Report(dir, "b", "--set", "numerics.hi_tokens=16");
        var r = Harness.Run("compare", a, b);
        Assert.True(r.Code == 0, r.Err);
        Assert.StartsWith($"A  {a}: stampsim ", r.Lines[0]);
        Assert.Contains("trace: same (stories260K-tinystories-512", r.Out);
        Assert.Contains("config edge-npu: file sha256 same", r.Out);
        Assert.Contains("effective config sha256 changed", r.Out);
        Assert.Contains("  numerics.hi_tokens: 64 -> 16", r.Lines);
        // The reader sees why STaMP got slower: levels: auto resolves to more levels for fewer high-precision tokens.
        Assert.Contains("    numerics.levels: auto -> 3 vs auto -> 5 (every layer)", r.Lines);
        Assert.Matches(@"\n  stamp\s+cycles\s+[\d,]+\s+[\d,]+\s+[+-][\d,]+\s+\d\.\d{4}\n", r.Out);
        Assert.Matches(@"\n  a8\s+SQNR mean \(dB\)\s+[\d.]+\s+[\d.]+\s+0\.00\s+-\n", r.Out);
        Assert.Contains("per layer (STaMP): 1 of 1 common layer(s) changed", r.Out);
        Assert.Contains(r.Lines, l => l.TrimStart().StartsWith("layers.1.attention.wo "));
    }

    [Fact]
    public void A_report_compared_with_itself_has_no_changes()
    {
        using var dir = new TempDir();
        string a = Report(dir, "a");
        var r = Harness.Run("compare", a, a);
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("  effective config: no key differs", r.Lines);
        Assert.Contains("  resolved per layer: no value differs", r.Lines);
        Assert.Contains("per layer (STaMP): 0 of 1 common layer(s) changed", r.Out);
    }

    [Fact]
    public void A_folder_that_is_not_a_complete_report_is_refused()
    {
        using var dir = new TempDir();
        string a = Report(dir, "a");
        Directory.CreateDirectory(dir.File("partial"));
        File.WriteAllText(Path.Combine(dir.File("partial"), "report.md"), "# half");
        Harness.AssertBadInput(Harness.Run("compare", a, dir.File("partial")), "partial: not a complete StampSim report: manifest.json is missing");
        File.Delete(Path.Combine(a, "result.json"));
        Harness.AssertBadInput(Harness.Run("compare", a, a), "not a complete StampSim report: result.json is missing");
        Harness.AssertBadInput(Harness.Run("compare", dir.File("nope"), a), "no such report folder");
    }
}
