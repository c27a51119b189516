using StampSim.App.Model;
using StampSim.ModelCost;
using StampSim.Numerics;
using StampSim.Reports.Folder;
using StampSim.Reports.Model;
using StampSim.Reports.Run;
using StampSim.Tests.Support;
using Xunit.Abstractions;

namespace StampSim.Tests.Html;

/// <summary>The model report's report.html in a real browser (headless chromium): loads without errors, draws its plots, shows absolute figures and the verdict.</summary>
public class ModelHtmlBrowserTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Model_report_loads_without_errors_and_draws()
    {
        string? chromium = HeadlessChromium.Find();
        Skip.If(chromium is null, "chromium is not installed (apt-get install chromium)");
        using var dir = new TempDir();
        var result = ModelRun.Execute(ArchitectureReader.Load("stories260K"), new InferenceRequest(Prompt: 128, Decode: 4), ConfigSpec.LoadAll([], []),
            [32, 64, 128, 256], null, new ExecutionOptions(MaxThreads: 1), ["stampsim", "model"], DateTimeOffset.UtcNow);
        ModelReportWriter.Write(result, dir.Root);
        HeadlessChromium browser;
        try { browser = await HeadlessChromium.Start(chromium!, 1280, 1000); }
        catch (Exception e) when (e is InvalidOperationException or System.Net.WebSockets.WebSocketException or TimeoutException)
        {
            throw new SkipException($"chromium cannot be started here: {e.Message}");
        }
        await using (browser)
        {
            await browser.Open(Path.Combine(dir.Root, ReportFiles.Html));
            // Where the prefill and a decode step's time go, TTFT and prefill energy per token against the prompt.
            Assert.Equal(4, (await browser.Evaluate("document.querySelectorAll('figure svg.plot').length"))!.GetValue<int>());
            var shot = Screenshot.Of(await browser.Screenshot());
            output.WriteLine($"model report screenshot: {shot}");
            Assert.True(shot.LuminanceVariance > 200 && shot.InkFraction > 0.02 && shot.Colours > 20, $"the page looks blank: {shot}");
            string body = (await browser.Evaluate("document.body.textContent"))!.GetValue<string>();
            Assert.Contains("prefill energy/prompt token", body);
            Assert.Contains("STaMP's prefill takes", body);
            Assert.Empty(browser.Errors);
        }
    }
}
