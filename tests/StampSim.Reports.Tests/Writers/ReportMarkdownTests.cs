namespace StampSim.Tests.Writers;

[Collection(nameof(BundledRun))]
public class ReportMarkdownTests(BundledRun fixture)
{
    [Fact]
    public void The_report_says_what_ran_and_embeds_every_png()
    {
        string md = File.ReadAllText(Path.Combine(fixture.Folder, "report.md"));
        foreach (var text in new[] { "## What was run", "stories260K", "energy table", "(hash `", "### Totals: `edge-npu`", "### Per layer: `edge-npu`",
                     "| total |", "## How to read this", "## Focus layer: `output`", "layers.0.feed_forward.w2" })
            Assert.Contains(text, md);
        foreach (var png in Directory.GetFiles(Path.Combine(fixture.Folder, "plots"), "*.png"))
            Assert.Contains($"](plots/{Path.GetFileName(png)})", md);
    }
}
