using System.Globalization;
using StampSim.Reports.Folder;
using StampSim.Reports.Provenance;
using StampSim.App.Sweeps;
using StampSim.Reports.Sweeps;
using StampSim.Sweeps;
using StampSim.Tests.Support;
using Xunit.Abstractions;

namespace StampSim.Tests.Html;

/// <summary>report.html in a real browser (Debian's headless chromium): loads without errors, draws, sorts, and the Pareto plot shows a design point.</summary>
[Collection(nameof(BundledRun))]
public class ReportHtmlBrowserTests(BundledRun run, ITestOutputHelper output)
{
    private static async Task<HeadlessChromium> Browser()
    {
        string? chromium = HeadlessChromium.Find();
        Skip.If(chromium is null, "chromium is not installed (apt-get install chromium)");
        try
        {
            return await HeadlessChromium.Start(chromium!, 1280, 1000);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Net.WebSockets.WebSocketException or TimeoutException)
        {
            throw new SkipException($"chromium cannot be started here: {e.Message}");
        }
    }

    [SkippableFact]
    public async Task Run_report_loads_without_errors_draws_and_sorts_by_a_clicked_header()
    {
        await using var browser = await Browser();
        await browser.Open(Path.Combine(run.Folder, ReportFiles.Html));
        Assert.Equal(run.Result.Configs.Count * 6 + 1, (await browser.Evaluate("document.querySelectorAll('figure svg.plot').length"))!.GetValue<int>());

        var shot = Screenshot.Of(await browser.Screenshot());
        output.WriteLine($"run report screenshot: {shot}");
        Assert.True(shot.LuminanceVariance > 200 && shot.InkFraction > 0.02 && shot.Colours > 20, $"the page looks blank: {shot}");

        // The per-layer table: the energy column (uJ) is not in order until its header is clicked.
        const string table = "[...document.querySelectorAll('table.sortable')].find(t => t.tHead.rows[0].cells[0].textContent === 'layer')";
        string Column(int c) => $"[...{table}.tBodies[0].rows].map(r => parseFloat(r.cells[{c}].textContent.replace(/,/g, '')))";
        int energy = (await browser.Evaluate($"[...{table}.tHead.rows[0].cells].findIndex(c => c.textContent === 'energy uJ')"))!.GetValue<int>();
        var before = Values(await browser.Evaluate(Column(energy)));
        Assert.NotEqual(before.Order(), before);
        await browser.Evaluate($"{table}.setAttribute('id', 'per-layer')");
        string header = $"#per-layer thead th:nth-child({energy + 1})";
        await browser.Click(header);
        var ascending = Values(await browser.Evaluate(Column(energy)));
        Assert.Equal(before.Order(), ascending);
        Assert.Equal("ascending", (await browser.Evaluate($"document.querySelector('{header}').getAttribute('aria-sort')"))!.GetValue<string>());
        await browser.Click(header);
        Assert.Equal(before.OrderDescending(), Values(await browser.Evaluate(Column(energy))));
        // The total stays in the footer, below the sorted rows.
        Assert.StartsWith("total", (await browser.Evaluate("document.querySelector('#per-layer tfoot td').textContent"))!.GetValue<string>());

        // The energy table with its sources opens.
        await browser.Click("details summary");
        Assert.True((await browser.Evaluate("document.querySelector('details').open"))!.GetValue<bool>());
        Assert.Empty(browser.Errors);
        output.WriteLine("console errors: none");
    }

    [SkippableFact]
    public async Task Sweep_report_pareto_point_of_a_known_design_shows_its_keys_and_metrics()
    {
        using var dir = new TempDir();
        string config = Runs.Config("edge-npu.yaml");
        File.WriteAllText(dir.File("spec.yaml"),
            $"trace: bundled\nlayers: \"layers.0.*\"\nconfig: {config}\naxes:\n  mac_array.rows: [8, 16, 32]\n  numerics.hi_tokens: [0, 16, 64]\n  dram.bandwidth: [12.8 GB/s, 25.6 GB/s]\n");
        var spec = SweepSpec.Load(dir.File("spec.yaml"));
        string folder = dir.File("sweep");
        var started = DateTimeOffset.UtcNow;
        using (var inputs = SweepInputs.Open(spec))
        {
            var summary = SweepRunner.Run(inputs, new SweepRunOptions(folder, Jobs: 2));
            SweepReport.Write(folder, spec, SweepState.Read(folder)!, summary.EngineRuns, RunProvenance.Capture(["stampsim", "sweep"], started, DateTimeOffset.UtcNow));
        }
        var table = SweepTable.Read(folder, spec);
        var known = table.Pareto.OrderBy(r => table.Number(r, "energy_pj")).First();
        string index = table.Text(known, "index");

        await using var browser = await Browser();
        await browser.Open(Path.Combine(folder, ReportFiles.Html));
        Assert.Equal(table.Feasible.Count(), (await browser.Evaluate("document.querySelectorAll('.pareto circle').length"))!.GetValue<int>());
        Assert.Equal(table.Pareto.Count, (await browser.Evaluate("document.querySelectorAll('.pareto circle.optimal').length"))!.GetValue<int>());

        await browser.Hover($".pareto circle[data-id='{index}']");
        var shown = Panel(await browser.Evaluate("[...document.querySelectorAll('.point-info tr')].map(r => [r.cells[0].textContent, r.cells[1].textContent])"));
        Assert.Contains($"Design point {index}", (await browser.Evaluate("document.querySelector('.point-info h4').textContent"))!.GetValue<string>());
        for (int k = 0; k < spec.Axes.Count; k++)
            Assert.Equal(known[table.FirstAxisColumn + k], shown[spec.Axes[k].Key]);
        Assert.Equal(table.Number(known, "sqnr_db").ToString("N2", CultureInfo.InvariantCulture), shown["output SQNR (dB)"]);
        Assert.Equal((table.Number(known, "energy_pj") / 1e6).ToString("N3", CultureInfo.InvariantCulture), shown["energy (uJ)"]);
        output.WriteLine($"hovering point {index} shows: {string.Join(", ", shown.Select(kv => $"{kv.Key}={kv.Value}"))}");

        // A click pins the point: hovering another one no longer changes the panel.
        await browser.Click($".pareto circle[data-id='{index}']");
        string other = table.Feasible.Select(r => table.Text(r, "index")).First(i => i != index);
        await browser.Hover($".pareto circle[data-id='{other}']");
        Assert.Contains($"Design point {index}", (await browser.Evaluate("document.querySelector('.point-info h4').textContent"))!.GetValue<string>());

        var shot = Screenshot.Of(await browser.Screenshot());
        output.WriteLine($"sweep report screenshot: {shot}");
        Assert.True(shot.LuminanceVariance > 200 && shot.InkFraction > 0.02, $"the page looks blank: {shot}");
        Assert.Empty(browser.Errors);
    }

    private static double[] Values(System.Text.Json.Nodes.JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    private static Dictionary<string, string> Panel(System.Text.Json.Nodes.JsonNode? rows) =>
        rows!.AsArray().ToDictionary(r => r![0]!.GetValue<string>(), r => r![1]!.GetValue<string>());
}
