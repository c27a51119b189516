using StampSim.Reports.Model;
using StampSim.Reports.Plots;
using StampSim.Reports.Writers;

namespace StampSim.Reports.Html;

/// <summary>report.html of <c>stampsim model</c>: the model, the STaMP/A4/A8 table (sortable), accuracy and the plots; the same content as report.md.</summary>
public static class ModelHtml
{
    /// <summary>The page of <paramref name="r"/>, whose plots are already in <paramref name="folder"/>.</summary>
    public static string Build(ModelResult r, IReadOnlyList<PlotFile> plots, string folder)
    {
        var a = r.Architecture;
        var page = new HtmlPage($"StampSim model-level cost: {a.Name}");
        page.Code(r.Provenance.CommandText);
        page.List(
        [
            $"Model: {ModelMarkdown.ModelText(a)}",
            $"Run: {ModelMarkdown.RunText(r)}",
        ]);
        page.Heading(2, "STaMP vs uniform A4 and A8").Paragraph("Click a column header to sort.");
        page.Table(new TextTableData(ModelTable.Headers(r), ModelTable.RightAligned(r), ModelTable.Rows(r)));
        page.Paragraph(ModelVerdict.Text(r));
        page.Heading(2, "What bounds each operator class").Paragraph($"Bound: what limits most of the class's time; utilisation: how busy its units are. {ModelBoundsTable.DataflowText(r)}.");
        page.Table(new TextTableData(ModelBoundsTable.Headers, ModelBoundsTable.Numeric, ModelBoundsTable.Rows(r)));
        page.Heading(2, "Accuracy").Paragraph(r.Accuracy is { } acc
            ? $"Pooled output SQNR over {acc.Layers} linear layers of {acc.Trace}: {acc.PooledText}"
            : "accuracy not evaluated (no trace)");
        foreach (var plot in plots) page.Plot(folder, plot);
        page.Paragraph("report.md has the same content with the assumptions; model.csv and result.json hold every figure; manifest.json the provenance and the SHA-256 of every file.");
        return page.Render();
    }
}
