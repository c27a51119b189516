using StampSim.Hardware;
using StampSim.Reports.Folder;
using StampSim.Reports.Run;
using StampSim.Reports.Writers;

namespace StampSim.Tests.Writers;

/// <summary>The note that DRAM traffic does not depend on the activation precision: printed only when the data say so.</summary>
[Collection(nameof(BundledRun))]
public class DramNoteTests(BundledRun fixture)
{
    private const string Note = "DRAM bytes are the same for STaMP, A4 and A8 on every layer";

    private static double Bytes(CostResult r) => r.DramReadBytes + r.DramWriteBytes;

    private static bool AllEqual(RunResult run, string label) =>
        run.Layers.Select(l => l.On(label).Cost).All(c => Bytes(c.Stamp) == Bytes(c.A4) && Bytes(c.Stamp) == Bytes(c.A8));

    private static string Text(string folder, string file) => File.ReadAllText(Path.Combine(folder, file));

    [Fact]
    public void Identical_dram_columns_are_explained_in_report_md_and_html()
    {
        string label = fixture.Result.Configs[0].Label;
        Assert.True(AllEqual(fixture.Result, label)); // on the bundled trace no tiling spills activations
        string note = SummaryTable.DramNote(fixture.Result, label)!;
        Assert.StartsWith(Note, note);
        Assert.Contains("as fp16", note);
        Assert.Contains(note + ".", Text(fixture.Folder, ReportFiles.Markdown));
        Assert.Contains($"<p>{note}.</p>", Text(fixture.Folder, ReportFiles.Html));
    }

    [Fact]
    public void Dram_columns_that_differ_get_no_note()
    {
        using var dir = new TempDir();
        // Weights outermost with several output tiles: the quantized activations spill to DRAM at their own width.
        var run = Runs.Execute(Runs.Request(layers: "layers.0.attention.wq",
            sets: ["mapping.loop_order=weights_outer", "mapping.tile_tokens=512", "mapping.tile_outputs=16"]));
        string folder = dir.File("spill");
        Directory.CreateDirectory(folder);
        ReportWriter.Write(run, folder);
        Assert.False(AllEqual(run, run.Configs[0].Label));
        Assert.Null(SummaryTable.DramNote(run, run.Configs[0].Label));
        Assert.DoesNotContain("DRAM bytes are the same", Text(folder, ReportFiles.Markdown));
        Assert.DoesNotContain("DRAM bytes are the same", Text(folder, ReportFiles.Html));
    }
}
