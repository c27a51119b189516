using StampSim.Reports.Compare;

namespace StampSim.Tests.Compare;

public class ReportSnapshotTests
{
    private static string Report(TempDir dir) => Runs.Write(dir, "r", Runs.Request(trace: Runs.Fixture("trace_f32.safetensors")));

    [Fact]
    public void A_complete_report_loads()
    {
        using var dir = new TempDir();
        var s = ReportSnapshot.Load(Report(dir));
        Assert.Equal("stampsim-report", (string?)s.Manifest["format"]);
    }

    [Fact]
    public void An_edited_file_is_detected()
    {
        using var dir = new TempDir();
        string r = Report(dir);
        File.AppendAllText(Path.Combine(r, "layers.csv"), "extra\n");
        var e = Assert.Throws<InputException>(() => ReportSnapshot.Load(r));
        Assert.Contains("not a complete StampSim report: layers.csv differs from the manifest", e.Message);
    }

    [Fact]
    public void A_missing_plot_is_detected()
    {
        using var dir = new TempDir();
        string r = Report(dir);
        File.Delete(Path.Combine(r, "plots", "autocorrelation.svg"));
        var e = Assert.Throws<InputException>(() => ReportSnapshot.Load(r));
        Assert.Contains("plots/autocorrelation.svg is missing", e.Message);
    }

    [Fact]
    public void A_folder_without_a_manifest_or_with_a_broken_one_is_not_a_report()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("empty"));
        Assert.Contains("manifest.json is missing", Assert.Throws<InputException>(() => ReportSnapshot.Load(dir.File("empty"))).Message);
        string r = Report(dir);
        File.WriteAllText(Path.Combine(r, "manifest.json"), "{\"format\": ");
        Assert.Contains("manifest.json is not valid JSON", Assert.Throws<InputException>(() => ReportSnapshot.Load(r)).Message);
        Assert.Contains("no such report folder", Assert.Throws<InputException>(() => ReportSnapshot.Load(dir.File("nope"))).Message);
    }
}
