using System.Xml.Linq;
using SkiaSharp;

namespace StampSim.Tests.Plots;

[Collection(nameof(BundledRun))]
public class ReportPlotsTests(BundledRun fixture)
{
    public static TheoryData<string> Stems => new()
    {
        "cycles_by_stage.edge-npu", "energy_by_component.edge-npu", "energy_shares.edge-npu", "sqnr.edge-npu", "energy_compaction.edge-npu", "roofline.edge-npu", "autocorrelation",
    };

    [Theory]
    [MemberData(nameof(Stems))]
    public void Every_png_decodes_and_is_not_blank(string stem)
    {
        using var bitmap = SKBitmap.Decode(Path.Combine(fixture.Folder, "plots", stem + ".png"));
        Assert.NotNull(bitmap);
        Assert.True(bitmap.Width >= 1000 && bitmap.Height >= 700, $"{bitmap.Width}x{bitmap.Height}");
        var background = bitmap.GetPixel(2, 2);
        var colours = new HashSet<SKColor>();
        long drawn = 0, pixels = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
        {
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                colours.Add(c);
                pixels++;
                if (c != background) drawn++;
            }
        }
        Assert.True(colours.Count >= 20, $"{stem}: only {colours.Count} colours");
        Assert.True(drawn > pixels / 50, $"{stem}: only {drawn} of {pixels} sampled pixels differ from the background");
    }

    [Theory]
    [MemberData(nameof(Stems))]
    public void Every_svg_is_xml_with_the_title_text(string stem)
    {
        var svg = XDocument.Load(Path.Combine(fixture.Folder, "plots", stem + ".svg"));
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        string text = string.Concat(svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        Assert.Contains(stem.StartsWith("autocorrelation") ? "autocorrelation" : "edge-npu", text);
    }
}
